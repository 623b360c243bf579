// section: xdp
// packets: all
/* Per-CPU packet and byte counters; values are dumped for every possible CPU. */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} pcpu SEC(".maps");

SEC("xdp")
int xdp_percpu_stats(struct xdp_md *ctx)
{
	__u32 k = 0;
	__u64 *p = bpf_map_lookup_elem(&pcpu, &k);
	if (p)
		*p += 1;
	k = 1;
	p = bpf_map_lookup_elem(&pcpu, &k);
	if (p)
		*p += ctx->data_end - ctx->data;
	return XDP_PASS;
}
