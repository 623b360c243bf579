// section: xdp
// loader: libbpf
// program: xdp_tail_slots
// packets: ipv4-udp ipv4-tcp ipv4-icmp ipv6-udp arp ipv4-udp-2
/*
 * Tail calls through a prog_array filled by libbpf from its `values` initialiser: the slot is the
 * IP protocol (UDP and TCP handled by their own programs, ICMP's slot left empty so the call falls
 * through), each target counting into a shared array.
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} hits SEC(".maps");

static __always_inline void count(__u32 slot)
{
	__u64 *n = bpf_map_lookup_elem(&hits, &slot);
	if (n)
		*n += 1;
}

SEC("xdp")
int on_udp(struct xdp_md *ctx)
{
	count(1);
	bpf_printk("udp len=%d", ctx->data_end - ctx->data);
	return XDP_PASS;
}

SEC("xdp")
int on_tcp(struct xdp_md *ctx)
{
	count(2);
	return XDP_DROP;
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 32);
	__uint(key_size, sizeof(__u32));
	__array(values, int (void *));
} by_proto SEC(".maps") = {
	.values = {
		[IPPROTO_UDP] = (void *)&on_udp,
		[IPPROTO_TCP] = (void *)&on_tcp,
	},
};

SEC("xdp")
int xdp_tail_slots(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = data + sizeof(*eth);
	if ((void *)(ip + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_ABORTED;
	bpf_tail_call(ctx, &by_proto, ip->protocol);
	/* Reached only when the slot is empty. */
	count(0);
	bpf_printk("no handler for protocol %d", ip->protocol);
	return XDP_TX;
}
