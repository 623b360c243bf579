// section: socket
// packets: all
/* bpf_printk from a socket filter: skb fields and a %s argument from .rodata. */
#include "common.h"

const char tag[] = "sock";

SEC("socket")
int sock_printk(struct __sk_buff *skb)
{
	bpf_printk("%s: len %u proto 0x%04x", tag, skb->len, bpf_ntohs(skb->protocol));
	bpf_printk("type %u ifindex %d cb0 %u", skb->pkt_type, skb->ifindex, skb->cb[0]);
	return -1;
}
