// section: xdp
// loader: libbpf
// packets: ipv4-udp ipv4-tcp ipv6-udp arp ipv4-udp-2
/*
 * Maps of maps filled by libbpf from `values = {...}`: an array_of_maps picks a per-protocol
 * counter array (an empty slot for other protocols), a hash_of_maps keyed by EtherType picks
 * a hash of UDP ports; both outer maps dump as the names of the inner maps they hold. The verifier
 * must type a null-checked outer lookup as a pointer to a map like the inner template.
 */
#include "common.h"

struct counters {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} udp_counts SEC(".maps"), tcp_counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 3);
	__type(key, __u32);
	__array(values, struct counters);
} by_l4 SEC(".maps") = {
	.values = { [0] = &udp_counts, [1] = &tcp_counts },
};

struct ports {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, __u16);
	__type(value, __u32);
} v4_ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH_OF_MAPS);
	__uint(max_entries, 4);
	__type(key, __u32);
	__array(values, struct ports);
} by_ethertype SEC(".maps") = {
	.values = { [ETH_P_IP] = &v4_ports },
};

SEC("xdp")
int xdp_map_in_map(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct udphdr *udp = (void *)(ip + 1);
	if ((void *)(eth + 1) > end)
		return XDP_ABORTED;
	__u32 ethertype = bpf_ntohs(eth->h_proto);
	__u32 slot = 2, key = 0;
	if (ethertype == ETH_P_IP && (void *)(ip + 1) <= end)
		slot = ip->protocol == IPPROTO_UDP ? 0 : ip->protocol == IPPROTO_TCP ? 1 : 2;
	void *counts = bpf_map_lookup_elem(&by_l4, &slot);
	if (counts) {
		__u64 *n = bpf_map_lookup_elem(counts, &key);
		if (n)
			*n += end - data;
	}
	void *ports = bpf_map_lookup_elem(&by_ethertype, &ethertype);
	if (ports && slot == 0 && (void *)(udp + 1) <= end) {
		__u16 port = bpf_ntohs(udp->dest);
		__u32 one = 1, *seen = bpf_map_lookup_elem(ports, &port);
		if (seen)
			*seen += 1;
		else
			bpf_map_update_elem(ports, &port, &one, BPF_ANY);
	}
	bpf_printk("ethertype %x slot %u inner %d", ethertype, slot, counts != 0);
	return XDP_PASS;
}
