// section: cgroup_skb/egress
// packets: all
/*
 * cgroup egress verdicts 0-3 (bit 0 allow, bit 1 congestion notification, egress only): reads the
 * IP header with bpf_skb_load_bytes (offset 0 is skb->data, the IP header), keeps per-verdict
 * packet counts in an array and the last TTL in .bss; the ctx writes persist into later reads.
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} verdicts SEC(".maps");

__u32 last_ttl;
__u32 packets;

SEC("cgroup_skb/egress")
int cgskb_egress_cn(struct __sk_buff *skb)
{
	__u8 head[20];
	__u32 verdict;

	packets++;
	skb->mark = packets;
	skb->priority = skb->mark * 2;
	skb->cb[2] = skb->len;
	skb->tstamp = 1000 + skb->cb[2];
	if (bpf_skb_load_bytes(skb, 0, head, sizeof(head)) < 0) {
		bpf_printk("short: len %u", skb->len);
		verdict = 0;
	} else if ((head[0] >> 4) != 4) {
		verdict = (head[0] >> 4) == 6; /* IPv6 passes, anything else (ARP) drops */
	} else {
		last_ttl = head[8];
		/* UDP: drop with notification; TTL up to 64: allow with notification. */
		verdict = head[9] == IPPROTO_UDP ? 2 : head[8] <= 64 ? 3 : 1;
	}
	bpf_printk("mark %u prio %u tstamp %llu", skb->mark, skb->priority, skb->tstamp);
	__u64 *count = bpf_map_lookup_elem(&verdicts, &verdict);
	if (count)
		*count += 1;
	return verdict;
}
