// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* An XDP program runs for every packet that arrives on a network device,
 * before the kernel has even allocated a socket buffer for it. */
SEC("xdp")
int hello(struct xdp_md *ctx)
{
	/* TODO: print "Hello, XDP!" to trace_pipe with bpf_printk() */

	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
