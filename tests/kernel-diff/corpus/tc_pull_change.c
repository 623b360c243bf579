// section: tc
// packets: ipv4-udp ipv4-tcp ipv6-udp arp short-14
/*
 * Linear-data helpers of TC programs: bpf_skb_pull_data (0 = the head, more than the skb holds
 * fails), bpf_skb_change_tail growing (zeroed bytes) and shrinking the packet, below the network
 * header or with flags (refused), and bpf_skb_change_head opening zeroed room in front; each
 * followed by the skb's len and the data pointers' distance.
 */
#include "common.h"

static __always_inline void show(struct __sk_buff *skb, const char *what, long r)
{
	bpf_printk("%s=%ld len=%u span=%ld", what, r, skb->len, (long)skb->data_end - (long)skb->data);
}

SEC("tc")
int tc_pull_change(struct __sk_buff *skb)
{
	__u32 len = skb->len;
	show(skb, "pull len+1", bpf_skb_pull_data(skb, len + 1));
	show(skb, "pull 0", bpf_skb_pull_data(skb, 0));
	show(skb, "pull len", bpf_skb_pull_data(skb, len));
	show(skb, "tail +10", bpf_skb_change_tail(skb, len + 10, 0));
	show(skb, "tail flags", bpf_skb_change_tail(skb, len, 1));
	show(skb, "tail 13", bpf_skb_change_tail(skb, 13, 0));
	show(skb, "tail 14", bpf_skb_change_tail(skb, 14, 0));
	show(skb, "tail len-2", bpf_skb_change_tail(skb, len > 16 ? len - 2 : len, 0));
	show(skb, "head 6", bpf_skb_change_head(skb, 6, 0));
	show(skb, "head flags", bpf_skb_change_head(skb, 6, 1));
	show(skb, "head 0", bpf_skb_change_head(skb, 0, 0));
	return TC_ACT_OK;
}
