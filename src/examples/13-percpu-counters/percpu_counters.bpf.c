// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU counters: a BPF_MAP_TYPE_PERCPU_ARRAY keeps one copy of each value per CPU, so programs
 * running on different CPUs at once never contend for a cache line and need no atomics. User
 * space reads every CPU's copy and adds them up (the Maps panel shows them side by side).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, struct stats);
	__uint(max_entries, 1);
} rx_stats SEC(".maps");

SEC("xdp")
int percpu_counters(struct xdp_md *ctx)
{
	__u32 key = 0;
	struct stats *s = bpf_map_lookup_elem(&rx_stats, &key);

	if (!s)
		return XDP_ABORTED;
	/* This CPU's copy: plain increments are safe, nobody else writes it. */
	s->packets++;
	s->bytes += ctx->data_end - ctx->data;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
