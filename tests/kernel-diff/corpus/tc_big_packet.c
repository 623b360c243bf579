// section: tc
// packets: ipv4-udp-3712 ipv4-udp-3713 ipv4-udp
/*
 * The largest packet an skb test run takes (3712 bytes: a page less the skb's 64-byte headroom
 * and skb_shared_info; one byte more is EINVAL), and growing it at the front with
 * bpf_skb_adjust_room by more than the XDP headroom: the kernel reallocates the skb head.
 */
#include "common.h"

SEC("tc")
int tc_big_packet(struct __sk_buff *skb)
{
	__u32 before = skb->len;
	long r = bpf_skb_adjust_room(skb, 240, BPF_ADJ_ROOM_MAC, 0);
	bpf_printk("len %u -> %u: adjust_room=%ld", before, skb->len, r);
	return TC_ACT_OK;
}
