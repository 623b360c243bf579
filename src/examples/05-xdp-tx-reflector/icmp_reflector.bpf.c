// SPDX-License-Identifier: GPL-2.0
/*
 * Answer pings without the kernel stack: turn an ICMP echo request into an echo reply in place
 * (swap MAC and IP addresses, type 8 -> 0) and send it back out of the same interface (XDP_TX).
 * The ICMP checksum is updated incrementally (RFC 1624) instead of being recomputed.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/icmp.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

/*
 * RFC 1624: when a 16-bit word of the data changes from `old` to `new`, the checksum becomes
 * ~(~csum + ~old + new) in one's complement arithmetic. Works on the bytes as stored in the
 * packet: one's complement sums do not care about byte order.
 */
static __always_inline __u16 csum_replace16(__u16 csum, __u16 old, __u16 new)
{
	__u32 sum = (__u16)~csum + (__u32)(__u16)~old + new;

	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return ~(__u16)sum;
}

SEC("xdp")
int icmp_reflector(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip;
	struct icmphdr *icmp;
	unsigned char mac[ETH_ALEN];
	__u32 addr;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end || ip->ihl != 5 || ip->protocol != IPPROTO_ICMP)
		return XDP_PASS;
	icmp = (void *)(ip + 1);
	if ((void *)(icmp + 1) > data_end || icmp->type != ICMP_ECHO)
		return XDP_PASS;

	__builtin_memcpy(mac, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, mac, ETH_ALEN);

	/* Swapping two addresses leaves the IP header checksum as it is. */
	addr = ip->saddr;
	ip->saddr = ip->daddr;
	ip->daddr = addr;

	/* Type and code form the first 16-bit word: (8, 0) becomes (0, 0). */
	icmp->type = ICMP_ECHOREPLY;
	icmp->checksum = csum_replace16(icmp->checksum, bpf_htons(ICMP_ECHO << 8), bpf_htons(ICMP_ECHOREPLY << 8));
	return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
