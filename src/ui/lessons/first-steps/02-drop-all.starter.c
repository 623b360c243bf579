// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int drop_all(struct xdp_md *ctx)
{
	/* The return value is the verdict: XDP_PASS hands the packet to the
	 * kernel's network stack. Which verdict throws it away? */
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
