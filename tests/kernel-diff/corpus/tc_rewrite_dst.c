// section: tc
// packets: all
/* Rewrites the IPv4 destination with bpf_skb_store_bytes and fixes IP and L4 checksums with l3/l4_csum_replace. */
#include "common.h"

#define IP_OFF ETH_HLEN
#define DADDR_OFF (IP_OFF + offsetof(struct iphdr, daddr))
#define CHECK_OFF (IP_OFF + offsetof(struct iphdr, check))

SEC("tc")
int tc_rewrite_dst(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP) || ip->ihl != 5)
		return TC_ACT_OK;
	__u8 proto = ip->protocol;
	__be32 old = ip->daddr, new = bpf_htonl(0x0a0000fe); /* 10.0.0.254 */
	__u32 l4_check = proto == IPPROTO_TCP ? offsetof(struct tcphdr, check) : offsetof(struct udphdr, check);
	if (proto == IPPROTO_TCP || proto == IPPROTO_UDP) {
		if (bpf_l4_csum_replace(skb, IP_OFF + sizeof(struct iphdr) + l4_check, old, new,
					BPF_F_PSEUDO_HDR | sizeof(new) | (proto == IPPROTO_UDP ? BPF_F_MARK_MANGLED_0 : 0)))
			return TC_ACT_SHOT;
	}
	if (bpf_l3_csum_replace(skb, CHECK_OFF, old, new, sizeof(new)))
		return TC_ACT_SHOT;
	if (bpf_skb_store_bytes(skb, DADDR_OFF, &new, sizeof(new), 0))
		return TC_ACT_SHOT;
	return TC_ACT_PIPE;
}
