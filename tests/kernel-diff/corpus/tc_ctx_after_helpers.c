// section: tc
// packets: ipv4-udp vlan-ipv4-udp ipv6-udp arp ipv4-tcp
/*
 * __sk_buff fields read after helpers changed the skb: vlan push/pop (vlan_present, vlan_tci,
 * vlan_proto, protocol, len), change_proto (protocol, len), adjust_room (len), change_type
 * (pkt_type) and get_hash_recalc (hash), each read through the context right after the call; the
 * packet out shows what the opened gaps hold.
 */
#include "common.h"

static __always_inline void show(struct __sk_buff *skb, const char *when)
{
	bpf_printk("%s: proto=%x len=%u", when, bpf_ntohs(skb->protocol), skb->len);
	bpf_printk("  vlan present=%u tci=%x proto=%x", skb->vlan_present, skb->vlan_tci, bpf_ntohs(skb->vlan_proto));
	bpf_printk("  pkt_type=%u hash=%x", skb->pkt_type, skb->hash);
}

SEC("tc")
int tc_ctx_after_helpers(struct __sk_buff *skb)
{
	show(skb, "start");
	if (skb->protocol == bpf_htons(ETH_P_8021Q)) {
		bpf_printk("pop=%ld", bpf_skb_vlan_pop(skb));
		show(skb, "popped");
		bpf_printk("pop again=%ld", bpf_skb_vlan_pop(skb));
		show(skb, "popped twice");
		return TC_ACT_OK;
	}
	bpf_printk("push=%ld", bpf_skb_vlan_push(skb, bpf_htons(ETH_P_8021AD), 0x2345));
	show(skb, "pushed");
	bpf_printk("push again=%ld", bpf_skb_vlan_push(skb, bpf_htons(ETH_P_8021Q), 0x067));
	show(skb, "pushed twice");
	bpf_printk("pop=%ld", bpf_skb_vlan_pop(skb));
	show(skb, "popped");
	if (skb->protocol == bpf_htons(ETH_P_IP) || skb->protocol == bpf_htons(ETH_P_IPV6)) {
		__u16 to = skb->protocol == bpf_htons(ETH_P_IP) ? ETH_P_IPV6 : ETH_P_IP;
		bpf_printk("change_proto=%ld", bpf_skb_change_proto(skb, bpf_htons(to), 0));
		show(skb, "changed proto");
	}
	/* Reuses the headroom the pushes above dirtied: the opened gap reads as zeroes. */
	bpf_printk("adjust_room=%ld", bpf_skb_adjust_room(skb, 8, BPF_ADJ_ROOM_MAC, 0));
	show(skb, "adjusted room");
	bpf_printk("change_type=%ld", bpf_skb_change_type(skb, 1));
	show(skb, "changed type");
	__u32 h = bpf_get_hash_recalc(skb);
	bpf_printk("hash_recalc nonzero=%d same=%d", h != 0, h == skb->hash);
	return TC_ACT_OK;
}
