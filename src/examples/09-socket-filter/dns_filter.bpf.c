// SPDX-License-Identifier: GPL-2.0
/*
 * A socket filter (what tcpdump's filters compile to, in eBPF): attached to a socket, it decides
 * how many bytes of each packet the socket receives; 0 drops the packet. This one keeps only
 * UDP packets to or from port 53 (DNS). Socket filters cannot read packet memory directly, so
 * they copy headers out with bpf_skb_load_bytes.
 *
 * Where the bytes start depends on the socket: on a UDP or TCP socket (and in BPF_PROG_TEST_RUN,
 * which the playground uses) offset 0 is the IP header; on an AF_PACKET socket it is the
 * Ethernet header. skb->protocol says what the network layer is either way.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("socket")
int dns_filter(struct __sk_buff *skb)
{
	struct iphdr ip;
	struct udphdr udp;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 0;
	if (bpf_skb_load_bytes(skb, 0, &ip, sizeof(ip)) < 0 || ip.protocol != IPPROTO_UDP)
		return 0;
	if (bpf_skb_load_bytes(skb, ip.ihl * 4, &udp, sizeof(udp)) < 0)
		return 0;
	if (udp.dest != bpf_htons(53) && udp.source != bpf_htons(53))
		return 0;
	return skb->len; /* keep the whole packet */
}

char LICENSE[] SEC("license") = "GPL";
