// Pre-libbpf-1.0 style: the program declares its own struct bpf_map_def and puts maps in SEC("maps").
// libbpf 1.x no longer declares that struct, so this must still compile: the headers must not define it.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>

struct bpf_map_def {
	unsigned int type;
	unsigned int key_size;
	unsigned int value_size;
	unsigned int max_entries;
	unsigned int map_flags;
};

struct bpf_map_def SEC("maps") rxcnt = {
	.type = BPF_MAP_TYPE_PERCPU_ARRAY,
	.key_size = sizeof(__u32),
	.value_size = sizeof(long),
	.max_entries = 256,
};

SEC("xdp_prog")
int xdp_count_proto(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	__u32 key;
	long *value;

	if (data + sizeof(*eth) > data_end)
		return XDP_DROP;
	key = eth->h_source[5];
	value = bpf_map_lookup_elem(&rxcnt, &key);
	if (value)
		*value += 1;
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
