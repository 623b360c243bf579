// SPDX-License-Identifier: GPL-2.0
/*
 * What a router does to every IPv4 packet it forwards: decrement the TTL and drop the packet
 * when it reaches zero. The header checksum covers the TTL, so it must change too; updating it
 * incrementally (RFC 1624) touches two bytes instead of summing the whole header again.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int ttl_decrement(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip;
	__u32 sum;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end)
		return XDP_PASS;

	if (ip->ttl <= 1)
		return XDP_DROP; /* a real router would send ICMP time exceeded */

	/* TTL is the high byte of its 16-bit word: one less TTL = 0x0100 less in the sum,
	 * so the checksum (the complement of the sum) grows by 0x0100, with end-around carry. */
	ip->ttl--;
	sum = ip->check + (__u32)bpf_htons(0x0100);
	ip->check = (__u16)(sum + (sum >> 16));
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
