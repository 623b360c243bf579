// SPDX-License-Identifier: GPL-2.0
/*
 * A latency histogram of vfs_read, like BCC's funclatency: the kprobe stores the start time per
 * thread, the kretprobe computes the duration and counts it in a log2 bucket: slot i counts reads
 * that took between 2^i and 2^(i+1) - 1 nanoseconds.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SLOTS 32

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32); /* thread id */
	__type(value, __u64); /* start time, ns */
	__uint(max_entries, 1024);
} start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, SLOTS);
} hist SEC(".maps");

/* floor(log2(v)) without a loop: binary search over the bit position. */
static __always_inline __u32 log2_u64(__u64 v)
{
	__u32 r = 0;

	if (v >> 32) { v >>= 32; r += 32; }
	if (v >> 16) { v >>= 16; r += 16; }
	if (v >> 8) { v >>= 8; r += 8; }
	if (v >> 4) { v >>= 4; r += 4; }
	if (v >> 2) { v >>= 2; r += 2; }
	if (v >> 1) { r += 1; }
	return r;
}

SEC("kprobe/vfs_read")
int read_entry(struct pt_regs *ctx)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 now = bpf_ktime_get_ns();

	bpf_map_update_elem(&start, &tid, &now, BPF_ANY);
	return 0;
}

SEC("kretprobe/vfs_read")
int read_return(struct pt_regs *ctx)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 *begin = bpf_map_lookup_elem(&start, &tid);
	__u32 slot;
	__u64 *count;

	if (!begin)
		return 0; /* the read started before we attached */
	slot = log2_u64(bpf_ktime_get_ns() - *begin);
	bpf_map_delete_elem(&start, &tid);
	if (slot >= SLOTS)
		slot = SLOTS - 1;
	count = bpf_map_lookup_elem(&hist, &slot);
	if (count)
		__sync_fetch_and_add(count, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
