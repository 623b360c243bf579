// section: xdp
// packets: ipv4-udp ipv6-tcp short-14
/* bpf_loop with a static callback that reads a context struct on the stack and stops early. */
#include "common.h"

struct loop_ctx {
	__u32 len;
	__u64 acc;
};

static long step(__u32 i, void *p)
{
	struct loop_ctx *c = p;
	c->acc = c->acc * 31 + i;
	return i + 1 >= c->len / 8 ? 1 : 0;
}

__u64 loop_out[2];

SEC("xdp")
int xdp_bpf_loop(struct xdp_md *ctx)
{
	struct loop_ctx c = { .len = ctx->data_end - ctx->data, .acc = 7 };
	long n = bpf_loop(100, step, &c, 0);
	loop_out[0] = n;
	loop_out[1] = c.acc;
	return n;
}
