// SPDX-License-Identifier: GPL-2.0
/*
 * Tail calls: a program jumps into another program through a BPF_MAP_TYPE_PROG_ARRAY and never
 * returns (like execve for BPF programs). Used to split big programs and to dispatch by protocol.
 * The array is filled at load time by the `.values` initialiser; the kernel stops a chain after
 * 33 tail calls, and a missing entry just falls through to the next instruction.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int handle_icmp(struct xdp_md *ctx)
{
	bpf_printk("tail-called into the ICMP handler: drop");
	return XDP_DROP;
}

SEC("xdp")
int handle_tcp(struct xdp_md *ctx)
{
	bpf_printk("tail-called into the TCP handler: pass");
	return XDP_PASS;
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 256); /* indexed by IP protocol number */
	__type(key, __u32);
	__array(values, int(void *));
} handlers SEC(".maps") = {
	.values = {
		[IPPROTO_ICMP] = (void *)&handle_icmp,
		[IPPROTO_TCP] = (void *)&handle_tcp,
	},
};

SEC("xdp")
int dispatch(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);

	if ((void *)(ip + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	bpf_tail_call(ctx, &handlers, ip->protocol);
	/* Only reached when there is no handler for this protocol. */
	bpf_printk("no handler for protocol %d", ip->protocol);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
