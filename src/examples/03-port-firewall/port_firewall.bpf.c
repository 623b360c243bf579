// SPDX-License-Identifier: GPL-2.0
/*
 * A port firewall: user space fills `blocked_ports` (destination port in network byte order ->
 * number of packets dropped so far); TCP and UDP packets to a blocked port are dropped and
 * counted. Try adding a port in the Maps panel.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u16);   /* destination port, network byte order */
	__type(value, __u64); /* packets dropped */
	__uint(max_entries, 64);
} blocked_ports SEC(".maps");

SEC("xdp")
int port_firewall(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip;
	__u16 port;
	__u64 *drops;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end || ip->ihl != 5)
		return XDP_PASS; /* keep it simple: no IP options */

	if (ip->protocol == IPPROTO_TCP) {
		struct tcphdr *tcp = (void *)(ip + 1);

		if ((void *)(tcp + 1) > data_end)
			return XDP_PASS;
		port = tcp->dest;
	} else if (ip->protocol == IPPROTO_UDP) {
		struct udphdr *udp = (void *)(ip + 1);

		if ((void *)(udp + 1) > data_end)
			return XDP_PASS;
		port = udp->dest;
	} else {
		return XDP_PASS;
	}

	drops = bpf_map_lookup_elem(&blocked_ports, &port);
	if (!drops)
		return XDP_PASS;
	__sync_fetch_and_add(drops, 1);
	bpf_printk("blocked port %d", bpf_ntohs(port));
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
