// section: xdp
// loader: libbpf
// packets: ipv4-udp ipv4-tcp ipv4-icmp ipv6-udp ipv6-tcp arp vlan-ipv4-udp
// update: tx_ports 00000000=01000000 03000000=01000000
// update: tx_hash 11000000=01000000
// update: cpus 01000000=40000000
/*
 * bpf_redirect_map in an XDP test run on every redirect map type: a filled devmap, devmap_hash
 * or cpumap slot gives XDP_REDIRECT, an empty one (and any xskmap slot: it holds no sockets)
 * the action in the flags' low bits; BPF_F_BROADCAST redirects a devmap without a key. User space
 * fills the maps (ifindex 1 is lo). The program also reads a devmap slot with a lookup.
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} tx_ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP_HASH);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} tx_hash SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CPUMAP);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} cpus SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_XSKMAP);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} xsks SEC(".maps");

SEC("xdp")
int xdp_redirect_map(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > end)
		return XDP_ABORTED;
	__u16 proto = bpf_ntohs(eth->h_proto);
	__u8 l4 = 0;
	struct iphdr *ip = (void *)(eth + 1);
	struct ipv6hdr *ip6 = (void *)(eth + 1);
	if (proto == ETH_P_IP && (void *)(ip + 1) <= end)
		l4 = ip->protocol;
	if (proto == ETH_P_IPV6 && (void *)(ip6 + 1) <= end)
		l4 = ip6->nexthdr;
	long r;
	if (proto == ETH_P_IPV6)
		r = bpf_redirect_map(&tx_hash, l4, XDP_PASS); /* only UDP's key (0x11) is filled */
	else if (l4 == IPPROTO_UDP)
		r = bpf_redirect_map(&tx_ports, 0, XDP_DROP);
	else if (l4 == IPPROTO_TCP)
		r = bpf_redirect_map(&tx_ports, 2, XDP_TX);
	else if (l4 == IPPROTO_ICMP)
		r = bpf_redirect_map(&cpus, 1, XDP_DROP);
	else if (proto == ETH_P_ARP)
		r = bpf_redirect_map(&xsks, 0, XDP_PASS);
	else
		r = bpf_redirect_map(&tx_ports, 0, BPF_F_BROADCAST | BPF_F_EXCLUDE_INGRESS);
	__u32 key = 3;
	__u32 *ifindex = bpf_map_lookup_elem(&tx_ports, &key);
	bpf_printk("proto %x l4 %d -> %ld (slot 3: %d)", proto, l4, r, ifindex ? *ifindex : -1);
	return r;
}
