// section: xdp
// packets: ipv4-udp arp short-14
/* xdp_adjust_head/tail/meta limits: each call's result, and the packet they leave. */
#include "helpers.h"

SEC("xdp")
int xdp_adjust(struct xdp_md *ctx)
{
	int len = ctx->data_end - ctx->data;

	rec(0, bpf_xdp_adjust_head(ctx, -300));
	rec(1, bpf_xdp_adjust_head(ctx, len - 13));
	rec(2, bpf_xdp_adjust_head(ctx, len - 14));
	rec(3, bpf_xdp_adjust_head(ctx, -(len - 14)));
	rec(4, bpf_xdp_adjust_meta(ctx, -3));
	rec(5, bpf_xdp_adjust_meta(ctx, -36));
	rec(6, bpf_xdp_adjust_meta(ctx, -32));
	rec(7, bpf_xdp_adjust_meta(ctx, 4));
	rec(17, bpf_xdp_adjust_meta(ctx, -152));
	rec(18, ctx->data - ctx->data_meta);
	rec(19, bpf_xdp_adjust_meta(ctx, 152));
	rec(8, bpf_xdp_adjust_head(ctx, -8));
	rec(9, bpf_xdp_adjust_tail(ctx, 4096));
	rec(10, bpf_xdp_adjust_tail(ctx, -(len - 13)));
	rec(11, bpf_xdp_adjust_tail(ctx, 6));
	rec(12, bpf_xdp_adjust_tail(ctx, -2));
	rec(13, bpf_xdp_adjust_head(ctx, -216));
	rec(14, bpf_xdp_adjust_head(ctx, -4));
	rec(15, ctx->data_end - ctx->data);
	rec(16, ctx->data - ctx->data_meta);
	return XDP_PASS;
}
