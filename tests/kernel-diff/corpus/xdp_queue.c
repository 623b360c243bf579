// section: xdp
// packets: all
/* Remembers the last frame lengths in a FIFO queue; when it is full the oldest one is popped first. */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_QUEUE);
	__uint(max_entries, 4);
	__type(value, __u32);
} lens SEC(".maps");

SEC("xdp")
int xdp_queue(struct xdp_md *ctx)
{
	__u32 len = ctx->data_end - ctx->data, old = 0;
	if (bpf_map_push_elem(&lens, &len, 0) == 0)
		return XDP_PASS;
	/* Full (-E2BIG): drop the oldest, report it in the return value. */
	if (bpf_map_pop_elem(&lens, &old))
		return XDP_ABORTED;
	bpf_map_push_elem(&lens, &len, 0);
	return old;
}
