// SPDX-License-Identifier: GPL-2.0
/*
 * Count system calls per process: the raw_syscalls/sys_enter tracepoint fires on every syscall
 * of every process; a hash map keyed by process id keeps a counter and the command name.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct counts {
	__u64 syscalls;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32); /* process id (tgid) */
	__type(value, struct counts);
	__uint(max_entries, 1024);
} per_process SEC(".maps");

SEC("tracepoint/raw_syscalls/sys_enter")
int count_syscalls(struct trace_event_raw_sys_enter *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct counts *c = bpf_map_lookup_elem(&per_process, &pid);

	if (!c) {
		struct counts fresh = {};

		bpf_map_update_elem(&per_process, &pid, &fresh, BPF_NOEXIST);
		c = bpf_map_lookup_elem(&per_process, &pid);
		if (!c)
			return 0;
	}
	__sync_fetch_and_add(&c->syscalls, 1);
	/* Every time: a forked child is called "bash" until its execve() gives it a new name. */
	bpf_get_current_comm(c->comm, sizeof(c->comm));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
