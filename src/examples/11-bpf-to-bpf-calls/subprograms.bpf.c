// SPDX-License-Identifier: GPL-2.0
/*
 * BPF-to-BPF calls: real function calls between functions of one program (not inlined), each
 * with its own 512-byte stack frame. __noinline keeps them separate; the verifier checks each
 * call with the caller's argument types, so packet pointers stay bounds-checked across calls.
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
	__type(key, __u16); /* destination port (host byte order) */
	__type(value, __u64);
	__uint(max_entries, 128);
} port_count SEC(".maps");

/* The destination port of a TCP or UDP packet, or 0. */
static __noinline int dest_port(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);

	if ((void *)(ip + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP) || ip->ihl != 5)
		return 0;
	if (ip->protocol == IPPROTO_TCP) {
		struct tcphdr *tcp = (void *)(ip + 1);

		return (void *)(tcp + 1) > data_end ? 0 : bpf_ntohs(tcp->dest);
	}
	if (ip->protocol == IPPROTO_UDP) {
		struct udphdr *udp = (void *)(ip + 1);

		return (void *)(udp + 1) > data_end ? 0 : bpf_ntohs(udp->dest);
	}
	return 0;
}

static __noinline void count_port(__u16 port)
{
	__u64 one = 1, *count = bpf_map_lookup_elem(&port_count, &port);

	if (count)
		__sync_fetch_and_add(count, 1);
	else
		bpf_map_update_elem(&port_count, &port, &one, BPF_NOEXIST);
}

SEC("xdp")
int count_ports(struct xdp_md *ctx)
{
	int port = dest_port(ctx);

	if (port > 0)
		count_port(port);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
