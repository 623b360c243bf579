// section: xdp
// loader: libbpf
// program: xdp_tail_chain
// packets: ipv4-udp ipv4-tcp arp ipv6-tcp
/*
 * A chain of tail calls (entry -> stage 1 -> stage 2, each rewriting a packet byte) and a program
 * that tail-calls itself until the kernel's limit stops it: 33 tail calls per run, so it runs 34
 * times. Registers other than r1 do not survive a tail call; state goes through maps and globals.
 */
#include "common.h"

__u32 loops;
__u32 stage_runs[3];

int stage1(struct xdp_md *ctx);
int stage2(struct xdp_md *ctx);
int again(struct xdp_md *ctx);

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__uint(key_size, sizeof(__u32));
	__array(values, int (void *));
} chain SEC(".maps") = {
	.values = { [1] = (void *)&stage1, [2] = (void *)&stage2, [3] = (void *)&again },
};

static __always_inline int mark(struct xdp_md *ctx, __u32 stage)
{
	__u8 *data = (void *)(long)ctx->data;
	if ((void *)(data + 14) > (void *)(long)ctx->data_end)
		return -1;
	data[stage] = 0xa0 + stage;
	if (stage < 3)
		stage_runs[stage]++;
	return 0;
}

SEC("xdp")
int stage2(struct xdp_md *ctx)
{
	if (mark(ctx, 2))
		return XDP_ABORTED;
	bpf_tail_call(ctx, &chain, 3);
	return XDP_DROP;
}

SEC("xdp")
int stage1(struct xdp_md *ctx)
{
	if (mark(ctx, 1))
		return XDP_ABORTED;
	bpf_tail_call(ctx, &chain, 2);
	return XDP_DROP;
}

/* Tail-calls itself; the kernel refuses the 34th tail call of a run and this falls through. */
SEC("xdp")
int again(struct xdp_md *ctx)
{
	loops++;
	bpf_tail_call(ctx, &chain, 3);
	bpf_printk("tail call limit after %u runs", loops);
	return XDP_TX;
}

SEC("xdp")
int xdp_tail_chain(struct xdp_md *ctx)
{
	if (mark(ctx, 0))
		return XDP_ABORTED;
	bpf_tail_call(ctx, &chain, 1);
	return XDP_PASS;
}
