// SPDX-License-Identifier: GPL-2.0
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int ipv4_only(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;

	/* TODO 1: the verifier will not let you read eth->h_proto until you
	 * have checked that the whole Ethernet header is inside the packet:
	 *     if ((void *)(eth + 1) > data_end) return XDP_DROP;
	 * TODO 2: pass IPv4 (ETH_P_IP, in network byte order: bpf_htons),
	 * drop everything else. */
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
