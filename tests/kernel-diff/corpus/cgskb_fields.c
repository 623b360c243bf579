// section: cgroup_skb/ingress
// packets: all
/* Prints what BPF_PROG_TEST_RUN puts in __sk_buff for a cgroup_skb program, socket fields included. */
#include "common.h"

SEC("cgroup_skb/ingress")
int cgskb_fields(struct __sk_buff *skb)
{
	bpf_printk("len=%u proto=%x pkt_type=%u", skb->len, bpf_ntohs(skb->protocol), skb->pkt_type);
	bpf_printk("ifindex=%u iif=%u mark=%u", skb->ifindex, skb->ingress_ifindex, skb->mark);
	bpf_printk("prio=%u queue=%u vlan=%u", skb->priority, skb->queue_mapping, skb->vlan_present);
	bpf_printk("hash=%u cb0=%u gso=%u", skb->hash, skb->cb[0], skb->gso_segs + skb->gso_size);
	bpf_printk("data_len=%ld tstamp=%llu hw=%llu", (long)skb->data_end - (long)skb->data, skb->tstamp,
		   skb->hwtstamp);
	/* Copies: %pI4 of &skb->remote_ip4 would read the kernel's struct sk_buff, not __sk_buff. */
	__u32 remote = skb->remote_ip4, local = skb->local_ip4;

	bpf_printk("family=%u remote=%pI4 local=%pI4", skb->family, &remote, &local);
	bpf_printk("remote6=%x:%x local6=%x", skb->remote_ip6[0], skb->remote_ip6[3], skb->local_ip6[3]);
	bpf_printk("ports=%u/%u", skb->remote_port, skb->local_port);
	return 1;
}
