/** What a first-time visitor sees: an XDP program that counts packets per IP protocol. */
export const DEFAULT_PROGRAM = `// SPDX-License-Identifier: GPL-2.0
// Count packets per IP protocol, print each one to trace_pipe, and let them all pass.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 256);
} pkt_count SEC(".maps");

SEC("xdp")
int count_packets(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip;
	__u32 key;
	__u64 *count;

	/* The verifier insists: prove every header is inside the packet before reading it. */
	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;

	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end)
		return XDP_PASS;

	key = ip->protocol;
	count = bpf_map_lookup_elem(&pkt_count, &key);
	if (count)
		__sync_fetch_and_add(count, 1);

	bpf_printk("proto %d from %pI4", ip->protocol, &ip->saddr);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
`;
