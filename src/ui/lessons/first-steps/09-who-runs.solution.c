// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tracepoint/sched/sched_process_exec")
int who_runs(void *ctx)
{
	char comm[16];
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	bpf_get_current_comm(comm, sizeof(comm));
	bpf_printk("exec %s (pid %d)", comm, pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
