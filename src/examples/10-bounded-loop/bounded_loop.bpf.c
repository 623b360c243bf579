// SPDX-License-Identifier: GPL-2.0
/*
 * Loops are allowed when the verifier can see that they end. This one counts the letters 'a'-'z'
 * in the first 64 bytes of a UDP payload: the loop has a constant bound, and every byte read is
 * still checked against data_end, because the payload may be shorter than 64 bytes.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define MAX_BYTES 64

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 1);
} letters SEC(".maps");

SEC("xdp")
int bounded_loop(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip;
	struct udphdr *udp;
	unsigned char *payload;
	__u32 key = 0, n = 0;
	__u64 *total;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end || ip->ihl != 5 || ip->protocol != IPPROTO_UDP)
		return XDP_PASS;
	udp = (void *)(ip + 1);
	if ((void *)(udp + 1) > data_end)
		return XDP_PASS;
	payload = (void *)(udp + 1);

	/* Keep it a real loop in the program (clang would unroll 64 iterations otherwise). */
#pragma clang loop unroll(disable)
	for (int i = 0; i < MAX_BYTES; i++) {
		if ((void *)(payload + i + 1) > data_end)
			break;
		if (payload[i] >= 'a' && payload[i] <= 'z')
			n++;
	}

	total = bpf_map_lookup_elem(&letters, &key);
	if (total)
		*total += n;
	bpf_printk("%u lowercase letters", n);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
