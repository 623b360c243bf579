// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* A kprobe runs when a kernel function is called. SEC("kprobe/NAME")
 * attaches it to NAME; the syscall execve() enters the kernel through
 * __x64_sys_execve. The Inputs panel picks the workload that runs. */
SEC("kprobe/TODO")
int hello_exec(void *ctx)
{
	/* TODO: print "execve called" */
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
