// section: xdp
// packets: all
/* Verdicts from sizes alone: every XDP action appears across the packet set. */
#include "common.h"

SEC("xdp")
int xdp_drop_short(struct xdp_md *ctx)
{
	__u32 len = ctx->data_end - ctx->data;
	if (len < 42)
		return XDP_DROP;
	if (len < 50)
		return XDP_ABORTED;
	if (len > 70)
		return XDP_TX;
	return len & 1 ? XDP_REDIRECT + 1 : XDP_PASS;
}
