// section: xdp
// packets: all
/* Tracks IPv4 flows (addresses and ports) in an LRU hash, below its capacity so eviction never runs. */
#include "common.h"

struct flow {
	__u32 saddr, daddr;
	__u16 sport, dport;
	__u8 proto;
	__u8 pad[3];
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 64);
	__type(key, struct flow);
	__type(value, __u32);
} flows SEC(".maps");

SEC("xdp")
int xdp_lru_flows(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	struct flow f = { .saddr = ip->saddr, .daddr = ip->daddr, .proto = ip->protocol };
	if (ip->protocol == IPPROTO_UDP || ip->protocol == IPPROTO_TCP) {
		__u16 *ports = (void *)(ip + 1);
		if ((void *)(ports + 2) > end)
			return XDP_PASS;
		f.sport = bpf_ntohs(ports[0]);
		f.dport = bpf_ntohs(ports[1]);
	}
	__u32 *n = bpf_map_lookup_elem(&flows, &f);
	if (n) {
		__sync_fetch_and_add(n, 1);
	} else {
		__u32 one = 1;
		bpf_map_update_elem(&flows, &f, &one, BPF_ANY);
	}
	return XDP_PASS;
}
