// section: tc
// packets: ipv4-udp ipv4-tcp ipv6-udp arp short-14
/* l3/l4_csum_replace (sizes 0/2/4, flags, bad offsets) and csum_diff (sizes, seed, limits). */
#include "helpers.h"

SEC("tc")
int tc_csum(struct __sk_buff *skb)
{
	__be32 a[4] = { bpf_htonl(0x0a000001), bpf_htonl(0xc0a80102), 0x12345678, 0xffffffff };
	__be32 b[4] = { bpf_htonl(0x0a000002), bpf_htonl(0x01020304), 0, 0x0000ffff };
	__u8 big[264] = {};

	rec(0, bpf_csum_diff(a, 4, b, 4, 0));
	rec(1, bpf_csum_diff(a, 16, b, 16, 0x1234));
	rec(2, bpf_csum_diff(0, 0, b, 8, 0xffff0000));
	rec(3, bpf_csum_diff(a, 8, 0, 0, 7));
	rec(4, bpf_csum_diff(a, 16, 0, 0, 0));
	rec(5, bpf_csum_diff(big, 256, big, 260, 0));
	rec(6, bpf_csum_diff(big, 264, 0, 0, 0));
	rec(7, bpf_csum_diff(a, 0, 0, 0, 0xabcdef01));

	/* IPv4 header checksum at 24, ttl/protocol word at 22, saddr at 26. */
	rec(10, bpf_l3_csum_replace(skb, 24, bpf_htons(0x4011), bpf_htons(0x3f11), 2));
	rec(11, bpf_l3_csum_replace(skb, 24, a[0], b[0], 4));
	rec(12, bpf_l3_csum_replace(skb, 24, 0, bpf_csum_diff(a, 4, b, 4, 0), 0));
	rec(13, bpf_l3_csum_replace(skb, 24, 1, 2, 0));
	rec(14, bpf_l3_csum_replace(skb, 25, 1, 2, 2));
	rec(15, bpf_l3_csum_replace(skb, 24, 1, 2, 3));
	rec(16, bpf_l3_csum_replace(skb, 24, 1, 2, 2 | BPF_F_PSEUDO_HDR));
	rec(17, bpf_l3_csum_replace(skb, skb->len - 1, 1, 2, 2));
	rec(18, bpf_l3_csum_replace(skb, 0x10000, 1, 2, 2));

	/* UDP checksum at 40, TCP at 50 (for IPv4 without options). */
	rec(20, bpf_l4_csum_replace(skb, 40, a[0], b[0], 4 | BPF_F_PSEUDO_HDR));
	rec(21, bpf_l4_csum_replace(skb, 50, bpf_htons(80), bpf_htons(8080), 2));
	rec(22, bpf_l4_csum_replace(skb, 40, 0, bpf_csum_diff(a, 8, b, 8, 0), BPF_F_MARK_MANGLED_0));
	rec(23, bpf_l4_csum_replace(skb, 40, 1, 2, 1 << 8));
	rec(24, bpf_l4_csum_replace(skb, 40, 1, 2, 0));
	rec(25, bpf_l4_csum_replace(skb, 41, 1, 2, 2));
	rec(26, bpf_l4_csum_replace(skb, 40, 1, 2, 2 | BPF_F_MARK_MANGLED_0 | BPF_F_MARK_ENFORCE | BPF_F_IPV6));
	rec(27, bpf_l4_csum_replace(skb, 12, 0xffff, 0, 2 | BPF_F_MARK_MANGLED_0));
	return TC_ACT_OK;
}
