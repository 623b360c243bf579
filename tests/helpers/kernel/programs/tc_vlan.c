// section: tc
// packets: ipv4-udp vlan-ipv4-udp arp short-14
/* skb_vlan_push/pop: the first tag goes to metadata, the second into the packet; pop unwinds. */
#include "helpers.h"

SEC("tc")
int tc_vlan(struct __sk_buff *skb)
{
	rec(0, bpf_skb_vlan_push(skb, bpf_htons(ETH_P_8021Q), 0x1064));
	rec(1, bpf_skb_vlan_push(skb, bpf_htons(ETH_P_8021AD), 0x20c8));
	rec(2, bpf_skb_vlan_push(skb, bpf_htons(0x1234), 0x30fff));
	rec(3, skb->len);
	rec(4, bpf_skb_vlan_pop(skb));
	rec(5, skb->len);
	rec(6, bpf_skb_vlan_pop(skb));
	rec(7, skb->len);
	rec(8, bpf_skb_vlan_pop(skb));
	rec(9, skb->len);
	rec(10, bpf_skb_vlan_pop(skb));
	rec(11, skb->len);
	return TC_ACT_OK;
}
