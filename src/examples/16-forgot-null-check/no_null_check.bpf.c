// SPDX-License-Identifier: GPL-2.0
/*
 * DOES NOT LOAD, on purpose: uses the result of bpf_map_lookup_elem without checking it for NULL.
 * A lookup of a missing key returns NULL, so the verifier insists on the check.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 16);
} counts SEC(".maps");

SEC("xdp")
int no_null_check(struct xdp_md *ctx)
{
	__u32 key = ctx->ingress_ifindex;
	__u64 *count = bpf_map_lookup_elem(&counts, &key);

	/* Missing: if (!count) return XDP_PASS; */
	*count += 1;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
