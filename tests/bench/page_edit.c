// SPDX-License-Identifier: GPL-2.0
// The edit-to-result benchmark's program (tests/bench/page-edit-bench.ts): a 50-line XDP parser
// that counts packets per protocol and prints EDIT, the number each benchmark keystroke changes.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/udp.h>
#include <linux/tcp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define EDIT 100

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 256);
} per_proto SEC(".maps");

SEC("xdp")
int edit_bench(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	__u32 key;
	__u64 *count;
	__u16 port = 0;

	if ((void *)(ip + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	key = ip->protocol;
	count = bpf_map_lookup_elem(&per_proto, &key);
	if (count)
		__sync_fetch_and_add(count, 1);
	if (ip->protocol == IPPROTO_TCP) {
		struct tcphdr *tcp = (void *)(ip + 1);
		if ((void *)(tcp + 1) <= data_end)
			port = bpf_ntohs(tcp->dest);
	} else if (ip->protocol == IPPROTO_UDP) {
		struct udphdr *udp = (void *)(ip + 1);
		if ((void *)(udp + 1) <= data_end)
			port = bpf_ntohs(udp->dest);
	}
	bpf_printk("edit %d proto %d port %d", EDIT, key, port);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
