// SPDX-License-Identifier: GPL-2.0
/*
 * DOES NOT LOAD, on purpose: reads the Ethernet header without first proving that the packet
 * is long enough. Read the verifier's message, then add the check (see the example's notes).
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int no_bounds_check(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;

	/* Missing: if ((void *)(eth + 1) > (void *)(long)ctx->data_end) return XDP_PASS; */
	if (eth->h_proto == bpf_htons(ETH_P_ARP))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
