// section: xdp
// loader: libbpf
// program: xdp_tail_subprog
// packets: ipv4-udp ipv4-tcp ipv4-icmp arp ipv6-udp
/*
 * A tail call from a bpf-to-bpf subprogram (the kernel allows it when the JIT supports mixing the
 * two): the target replaces the subprogram, and its return value comes back to the subprogram's
 * caller, which goes on running. An empty slot makes the subprogram fall through instead.
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} results SEC(".maps");

int by_ttl(struct xdp_md *ctx);

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 8);
	__uint(key_size, sizeof(__u32));
	__array(values, int (void *));
} jumps SEC(".maps") = {
	.values = { [IPPROTO_UDP & 7] = (void *)&by_ttl, [IPPROTO_TCP & 7] = (void *)&by_ttl },
};

SEC("xdp")
int by_ttl(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct iphdr *ip = data + sizeof(struct ethhdr);
	if ((void *)(ip + 1) > end)
		return 0;
	return 1000 + ip->ttl;
}

/* Read from memory so clang cannot fold dispatch()'s result into its caller. */
int fallthrough = 7;

static __attribute__((noinline)) int dispatch(struct xdp_md *ctx, __u32 slot)
{
	bpf_tail_call(ctx, &jumps, slot);
	return fallthrough;
}

SEC("xdp")
int xdp_tail_subprog(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct iphdr *ip = data + sizeof(struct ethhdr);
	__u32 slot = 0, key = 0;
	if ((void *)(ip + 1) <= end)
		slot = ip->protocol & 7;
	int r = dispatch(ctx, slot);
	__u64 *v = bpf_map_lookup_elem(&results, &key);
	if (v)
		*v += r;
	bpf_printk("dispatch(%u) returned %d", slot, r);
	return r > 1000 ? XDP_PASS : XDP_DROP;
}
