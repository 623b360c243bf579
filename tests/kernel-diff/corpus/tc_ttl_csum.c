// section: tc
// packets: all
/* Decrements the IPv4 TTL in place (direct packet access) and patches the checksum with a 2-byte l3_csum_replace. */
#include "common.h"

SEC("tc")
int tc_ttl_csum(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_UNSPEC;
	if (ip->ttl <= 1)
		return TC_ACT_SHOT;
	__u8 tos = ip->tos;
	__be16 old = *(__be16 *)&ip->ttl;
	ip->ttl--;
	__be16 new = *(__be16 *)&ip->ttl;
	if (bpf_l3_csum_replace(skb, ETH_HLEN + offsetof(struct iphdr, check), old, new, 2))
		return TC_ACT_SHOT;
	skb->mark = 0x1234;
	skb->priority = tos + 1; /* ip is invalid after the helper changed the packet */
	return TC_ACT_OK;
}
