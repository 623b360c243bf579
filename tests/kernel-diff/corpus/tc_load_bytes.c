// section: tc
// packets: all
/* bpf_skb_load_bytes at several offsets (in range, straddling the end, beyond) and cb[] scratch. */
#include "common.h"

__u32 loaded[4];
__s32 errors[3];

SEC("tc")
int tc_load_bytes(struct __sk_buff *skb)
{
	__u32 buf[4] = {};
	errors[0] = bpf_skb_load_bytes(skb, 0, buf, 16);
	errors[1] = bpf_skb_load_bytes(skb, skb->len - 2, buf, 4);
	errors[2] = bpf_skb_load_bytes(skb, 1000, buf, 1);
	for (int i = 0; i < 4; i++)
		loaded[i] = buf[i];
	skb->cb[0] = buf[3];
	return skb->cb[0] & 0xff;
}
