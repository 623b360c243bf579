// section: tc
// loader: libbpf
// program: tc_tail_perf
// packets: ipv4-udp ipv4-tcp ipv6-udp arp short-14
/*
 * TC tail calls: context writes (skb->mark, cb[]) survive the tail call, the target sends a perf
 * event record with the first 20 bytes of the skb appended (the length in the flags' upper half;
 * more than the skb holds is -EFAULT), and an index past max_entries falls through.
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} tc_events SEC(".maps");

SEC("tc")
int report(struct __sk_buff *skb)
{
	__u32 tag = skb->mark << 8 | skb->cb[0];
	long a = bpf_perf_event_output(skb, &tc_events, BPF_F_CURRENT_CPU | (20ULL << 32), &tag, sizeof(tag));
	long b = bpf_perf_event_output(skb, &tc_events, BPF_F_CURRENT_CPU | (4000ULL << 32), &tag, sizeof(tag));
	bpf_printk("report mark=%u cb0=%u: %ld %ld", skb->mark, skb->cb[0], a, b);
	return skb->mark == 7 ? TC_ACT_SHOT : TC_ACT_OK;
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__uint(key_size, sizeof(__u32));
	__array(values, int (void *));
} tc_jump SEC(".maps") = {
	.values = { [1] = (void *)&report },
};

SEC("tc")
int tc_tail_perf(struct __sk_buff *skb)
{
	skb->mark = skb->protocol == bpf_htons(ETH_P_IP) ? 7 : 9;
	skb->cb[0] = skb->len & 0xff;
	__u32 slot = skb->protocol == bpf_htons(ETH_P_ARP) ? 5 : 1;
	bpf_tail_call(skb, &tc_jump, slot);
	bpf_printk("no tail call for slot %u", slot);
	return TC_ACT_UNSPEC;
}
