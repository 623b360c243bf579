// SPDX-License-Identifier: GPL-2.0
/*
 * DOES NOT LOAD, on purpose: walks the payload until it finds a zero byte, with no limit on the
 * number of iterations. Every iteration is a new state for the verifier (the pointer moved), so
 * it can never prove that the loop ends and gives up.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int unbounded_loop(struct xdp_md *ctx)
{
	unsigned char *p = (void *)(long)ctx->data;
	unsigned char *end = (void *)(long)ctx->data_end;
	__u32 n = 0;

	/* Missing: a constant bound such as `for (int i = 0; i < 256 && p + 1 <= end; i++)`. */
	while (p + 1 <= end && *p != 0) {
		p++;
		n++;
	}
	return n > 20 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
