// section: tc
// packets: ipv4-udp ipv4-tcp ipv6-udp arp
/*
 * bpf_redirect from TC: TC_ACT_REDIRECT with or without BPF_F_INGRESS, and the helper's answer to
 * unknown flags; the program returns what the helper said for UDP and TCP, so the run's retval
 * is the kernel's verdict on it.
 */
#include "common.h"

SEC("tc")
int tc_redirect(struct __sk_buff *skb)
{
	long egress = bpf_redirect(1, 0);
	long ingress = bpf_redirect(1, BPF_F_INGRESS);
	long bad = bpf_redirect(1, 2);
	bpf_printk("redirect egress=%ld ingress=%ld bad flags=%ld", egress, ingress, bad);
	if (skb->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	return skb->len > 60 ? bpf_redirect(7, 0) : bpf_redirect(1, BPF_F_INGRESS);
}
