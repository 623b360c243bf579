// section: tc
// packets: all
/* Prints what BPF_PROG_TEST_RUN puts in __sk_buff for a TC program. */
#include "common.h"

SEC("tc")
int tc_skb_fields(struct __sk_buff *skb)
{
	bpf_printk("len=%u proto=%x pkt_type=%u", skb->len, bpf_ntohs(skb->protocol), skb->pkt_type);
	bpf_printk("ifindex=%u ingress=%u mark=%u", skb->ifindex, skb->ifindex, skb->mark);
	bpf_printk("vlan=%u queue=%u data_len=%ld", skb->vlan_present, skb->queue_mapping,
		   (long)skb->data_end - (long)skb->data);
	return skb->len;
}
