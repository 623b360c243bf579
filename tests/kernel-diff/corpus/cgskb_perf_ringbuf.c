// section: cgroup_skb/ingress
// loader: libbpf
// packets: ipv4-udp ipv4-tcp ipv6-udp arp vlan-ipv4-udp
/*
 * cgroup_skb output: a perf event record with the first 24 bytes of the skb appended (from skb->data,
 * the IP header; more than skb->len is -EFAULT) and a ring buffer record of the socket's family,
 * length and protocol.
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} cg_events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} cg_ring SEC(".maps");

struct summary {
	__u32 family;
	__u32 len;
	__u32 protocol;
	__u32 perf_result;
};

SEC("cgroup_skb/ingress")
int cgskb_perf_ringbuf(struct __sk_buff *skb)
{
	__u32 tag = skb->len;
	long a = bpf_perf_event_output(skb, &cg_events, BPF_F_CURRENT_CPU | (24ULL << 32), &tag, sizeof(tag));
	long b = bpf_perf_event_output(skb, &cg_events, BPF_F_CURRENT_CPU | (60ULL << 32), &tag, sizeof(tag));
	struct summary *s = bpf_ringbuf_reserve(&cg_ring, sizeof(*s), 0);

	if (!s)
		return 0;
	s->family = skb->family;
	s->len = skb->len;
	s->protocol = bpf_ntohs(skb->protocol);
	s->perf_result = (__u32)(a * 16 + b);
	bpf_ringbuf_submit(s, 0);
	bpf_printk("perf %ld %ld", a, b);
	return 1;
}
