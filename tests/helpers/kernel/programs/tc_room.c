// section: tc
// packets: ipv4-udp ipv6-tcp arp vlan-ipv4-udp short-14
/* skb_change_proto, skb_adjust_room and skb_change_type: results and the bytes they move. */
#include "helpers.h"

SEC("tc")
int tc_room(struct __sk_buff *skb)
{
	rec(0, bpf_skb_adjust_room(skb, 8, BPF_ADJ_ROOM_NET, 0));
	rec(1, skb->len);
	rec(2, bpf_skb_adjust_room(skb, -8, BPF_ADJ_ROOM_NET, 0));
	rec(3, bpf_skb_adjust_room(skb, 4, BPF_ADJ_ROOM_MAC, 0));
	rec(4, bpf_skb_adjust_room(skb, -4, BPF_ADJ_ROOM_MAC, 0));
	rec(5, bpf_skb_adjust_room(skb, 4, 2, 0));
	rec(6, bpf_skb_adjust_room(skb, 0x1000, BPF_ADJ_ROOM_NET, 0));
	rec(7, bpf_skb_adjust_room(skb, 4, BPF_ADJ_ROOM_NET, 1ULL << 12));
	rec(8, bpf_skb_adjust_room(skb, -4000, BPF_ADJ_ROOM_NET, 0));
	rec(9, bpf_skb_adjust_room(skb, 4, BPF_ADJ_ROOM_NET, BPF_F_ADJ_ROOM_ENCAP_L3_IPV4 | BPF_F_ADJ_ROOM_ENCAP_L3_IPV6));
	rec(10, bpf_skb_adjust_room(skb, -4, BPF_ADJ_ROOM_NET, BPF_F_ADJ_ROOM_ENCAP_L4_GRE));
	rec(11, bpf_skb_adjust_room(skb, 4, BPF_ADJ_ROOM_NET, 1ULL << 7));
	rec(12, bpf_skb_change_type(skb, 3));
	rec(13, bpf_skb_change_type(skb, 4));
	rec(14, bpf_skb_change_proto(skb, bpf_htons(ETH_P_IPV6), 1));
	rec(15, bpf_skb_change_proto(skb, bpf_htons(ETH_P_ARP), 0));
	rec(16, bpf_skb_change_proto(skb, bpf_htons(ETH_P_IPV6), 0));
	rec(17, skb->len);
	rec(18, bpf_skb_change_proto(skb, bpf_htons(ETH_P_IP), 0));
	rec(19, skb->len);
	return TC_ACT_OK;
}
