// section: tc
// packets: ipv4-udp ipv6-tcp short-14
/* skb_load_bytes / skb_store_bytes bounds, flags and what lands in the buffer. */
#include "helpers.h"

SEC("tc")
int tc_bytes(struct __sk_buff *skb)
{
	__u64 buf[2] = { 0x1111111111111111ULL, 0x2222222222222222ULL };
	__u32 len = skb->len;

	rec(0, bpf_skb_load_bytes(skb, 0, buf, 8));
	rec(1, buf[0]);
	rec(2, bpf_skb_load_bytes(skb, len - 4, buf, 8));
	rec(3, buf[0]);
	rec(4, bpf_skb_load_bytes(skb, len - 8, buf, 8));
	rec(5, buf[0]);
	rec(6, bpf_skb_load_bytes(skb, 0xffffffff, &buf[1], 4));
	rec(7, buf[1]);
	buf[0] = 0x0807060504030201ULL;
	rec(10, bpf_skb_store_bytes(skb, 6, buf, 6, 0));
	rec(11, bpf_skb_store_bytes(skb, len - 2, buf, 4, 0));
	rec(12, bpf_skb_store_bytes(skb, 0, buf, 2, 4));
	rec(13, bpf_skb_store_bytes(skb, len - 2, buf, 2, BPF_F_RECOMPUTE_CSUM | BPF_F_INVALIDATE_HASH));
	rec(14, bpf_skb_store_bytes(skb, 0x10000, buf, 2, 0));
	return TC_ACT_OK;
}
