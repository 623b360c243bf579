// section: xdp
// packets: all
/* bpf_xdp_adjust_tail: trims frames longer than 60 bytes to 60, grows short ones by 6 zero bytes. */
#include "common.h"

SEC("xdp")
int xdp_adjust_tail(struct xdp_md *ctx)
{
	int len = ctx->data_end - ctx->data;
	int delta = len > 60 ? 60 - len : 6;
	int err = bpf_xdp_adjust_tail(ctx, delta);
	if (err)
		return 200 + (-err & 0xff);
	/* Too far: would leave less than an Ethernet header. */
	err = bpf_xdp_adjust_tail(ctx, -(int)(ctx->data_end - ctx->data));
	if (err == 0)
		return XDP_ABORTED;
	__u8 *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	if (data + 1 <= end && len <= 60)
		data[0] = 0xee;
	return XDP_PASS;
}
