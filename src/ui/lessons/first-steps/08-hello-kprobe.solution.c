// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("kprobe/__x64_sys_execve")
int hello_exec(void *ctx)
{
	bpf_printk("execve called");
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
