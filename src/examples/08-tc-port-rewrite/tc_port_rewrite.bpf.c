// SPDX-License-Identifier: GPL-2.0
/*
 * A tc (traffic control) classifier that redirects TCP port 8080 to port 80 by rewriting the
 * destination port. Unlike XDP, tc programs see an sk_buff; they change packet bytes with
 * bpf_skb_store_bytes and fix the TCP checksum with bpf_l4_csum_replace, which knows where
 * the checksum is and how to update it for a 2-byte change.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/tcp.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define FROM_PORT 8080
#define TO_PORT 80

/* Offsets from the start of the frame, for an IPv4 header without options. */
#define TCP_OFF (sizeof(struct ethhdr) + sizeof(struct iphdr))
#define DPORT_OFF (TCP_OFF + __builtin_offsetof(struct tcphdr, dest))
#define TCP_CSUM_OFF (TCP_OFF + __builtin_offsetof(struct tcphdr, check))

SEC("tc")
int tc_port_rewrite(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip;
	struct tcphdr *tcp;
	__be16 old_port, new_port = bpf_htons(TO_PORT);

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end || ip->ihl != 5 || ip->protocol != IPPROTO_TCP)
		return TC_ACT_OK;
	tcp = (void *)(ip + 1);
	if ((void *)(tcp + 1) > data_end || tcp->dest != bpf_htons(FROM_PORT))
		return TC_ACT_OK;

	old_port = tcp->dest;
	/* BPF_F_PSEUDO_HDR is not needed: ports are not part of the pseudo-header. Size 2: a 16-bit field. */
	if (bpf_l4_csum_replace(skb, TCP_CSUM_OFF, old_port, new_port, sizeof(new_port)))
		return TC_ACT_SHOT;
	if (bpf_skb_store_bytes(skb, DPORT_OFF, &new_port, sizeof(new_port), 0))
		return TC_ACT_SHOT;
	bpf_printk("rewrote port %d to %d", FROM_PORT, TO_PORT);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
