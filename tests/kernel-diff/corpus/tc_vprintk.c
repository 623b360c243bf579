// section: tc
// packets: ipv4-udp ipv4-tcp ipv6-udp arp vlan-ipv4-udp
/*
 * bpf_printk with more than three arguments becomes bpf_trace_vprintk (helper 177), whose
 * arguments travel as an array of u64: several specifiers and widths in one line, up to twelve
 * values, and a string argument.
 */
#include "common.h"

SEC("tc")
int tc_vprintk(struct __sk_buff *skb)
{
	__u8 b[12] = {};
	if (bpf_skb_load_bytes(skb, 0, b, sizeof(b)) < 0)
		return TC_ACT_SHOT;
	const char name[] = "frame";
	bpf_printk("%s len=%u proto=%x ifindex=%d", name, skb->len, bpf_ntohs(skb->protocol), skb->ifindex);
	bpf_printk("dst %02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5]);
	bpf_printk("src %02x%02x%02x%02x%02x%02x vlan=%d mark=%u prio=%u tc=%u q=%u hash=%u", b[6], b[7], b[8], b[9],
		   b[10], b[11], skb->vlan_present, skb->mark, skb->priority, skb->tc_index, skb->queue_mapping,
		   skb->hash);
	return TC_ACT_OK;
}
