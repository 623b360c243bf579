// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* The sched_process_exec tracepoint fires once a new program has replaced
 * the process image: the current task's name (comm) is the new program. */
SEC("tracepoint/sched/sched_process_exec")
int who_runs(void *ctx)
{
	char comm[16];
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	/* TODO: fill comm with bpf_get_current_comm(comm, sizeof(comm)) and
	 * print "exec %s (pid %d)" with the name and the pid. */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
