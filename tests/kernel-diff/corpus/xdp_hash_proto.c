// section: xdp
// packets: all
/* Counts IPv4 packets and bytes per IP protocol in a hash map; drops ICMP. */
#include "common.h"

struct stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u8);
	__type(value, struct stats);
} by_proto SEC(".maps");

SEC("xdp")
int xdp_hash_proto(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	__u8 proto = ip->protocol;
	struct stats *s = bpf_map_lookup_elem(&by_proto, &proto);
	if (!s) {
		struct stats zero = {};
		bpf_map_update_elem(&by_proto, &proto, &zero, BPF_NOEXIST);
		s = bpf_map_lookup_elem(&by_proto, &proto);
		if (!s)
			return XDP_ABORTED;
	}
	s->packets++;
	s->bytes += end - data;
	return proto == IPPROTO_ICMP ? XDP_DROP : XDP_PASS;
}
