// section: tc
// packets: all
/* Rewrites UDP/TCP ports with a csum_diff fed into l4_csum_replace (size 0 form). */
#include "common.h"

SEC("tc")
int tc_csum_diff(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP) || ip->ihl != 5)
		return TC_ACT_OK;
	if (ip->protocol != IPPROTO_UDP && ip->protocol != IPPROTO_TCP)
		return TC_ACT_OK;
	__be32 *ports = (void *)(ip + 1);
	if ((void *)(ports + 1) > end)
		return TC_ACT_OK;
	__be32 old = *ports;
	__be32 new = (old << 16) | (old >> 16); /* swap source and destination ports */
	__s64 diff = bpf_csum_diff(&old, 4, &new, 4, 0);
	__u32 off = ETH_HLEN + sizeof(*ip) + (ip->protocol == IPPROTO_TCP ? 16 : 6);
	if (bpf_skb_store_bytes(skb, ETH_HLEN + sizeof(struct iphdr), &new, 4, 0))
		return TC_ACT_SHOT;
	if (bpf_l4_csum_replace(skb, off, 0, diff, 0))
		return TC_ACT_SHOT;
	return (__u32)diff;
}
