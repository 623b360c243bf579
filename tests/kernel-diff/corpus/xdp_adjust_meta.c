// section: xdp
// packets: ipv4-udp ipv6-tcp arp
/* bpf_xdp_adjust_meta: reserves 8 bytes of metadata before the packet and writes into them. */
#include "common.h"

SEC("xdp")
int xdp_adjust_meta(struct xdp_md *ctx)
{
	if (bpf_xdp_adjust_meta(ctx, -8))
		return XDP_ABORTED;
	__u32 *meta = (void *)(long)ctx->data_meta;
	void *data = (void *)(long)ctx->data;
	if ((void *)(meta + 2) > data)
		return XDP_DROP;
	meta[0] = 0xa1b2c3d4;
	meta[1] = ctx->data_end - ctx->data;
	/* Odd sizes are refused. */
	return bpf_xdp_adjust_meta(ctx, -3) ? XDP_PASS : XDP_ABORTED;
}
