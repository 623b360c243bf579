// section: xdp
// packets: all
/* A LIFO stack of EtherTypes: IPv4 frames push, others pop; BPF_EXIST pushes over a full stack. */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_STACK);
	__uint(max_entries, 3);
	__type(value, __u16);
} types SEC(".maps");

SEC("xdp")
int xdp_stack(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > end)
		return XDP_DROP;
	__u16 proto = bpf_ntohs(eth->h_proto), top = 0;
	if (proto == ETH_P_IP)
		return bpf_map_push_elem(&types, &proto, BPF_EXIST) == 0 ? XDP_PASS : XDP_ABORTED;
	if (bpf_map_peek_elem(&types, &top))
		return 100; /* empty */
	bpf_map_pop_elem(&types, &top);
	return top == ETH_P_IP ? XDP_TX : XDP_DROP;
}
