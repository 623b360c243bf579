// section: xdp
// packets: all
/* Counts packets per EtherType class in an array map; passes everything. */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

SEC("xdp")
int xdp_array_count(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	__u32 key = 3;
	if ((void *)(eth + 1) <= end) {
		__u16 proto = bpf_ntohs(eth->h_proto);
		key = proto == ETH_P_IP ? 0 : proto == ETH_P_IPV6 ? 1 : proto == ETH_P_ARP ? 2 : 3;
	}
	__u64 *v = bpf_map_lookup_elem(&counts, &key);
	if (v)
		*v += 1;
	return XDP_PASS;
}
