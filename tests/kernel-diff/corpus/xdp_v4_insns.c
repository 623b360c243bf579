// section: xdp
// packets: all
// mcpu: v4
/* -mcpu=v4 instructions: sign-extending loads and moves, signed division and modulo, bswap. */
#include "common.h"

__s64 results[6];

SEC("xdp")
int xdp_v4_insns(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	if (data + 14 > end)
		return XDP_DROP;
	__s8 b = *(volatile __s8 *)(data + 12);   /* ldsx byte */
	__s16 h = *(volatile __s16 *)(data + 6);  /* ldsx half */
	__s32 w = *(volatile __s32 *)(data + 8);  /* ldsx word */
	__s64 len = (__s64)(ctx->data_end - ctx->data);
	results[0] = b;
	results[1] = (__s64)h / -7;
	results[2] = (__s64)w % -1000;
	results[3] = (__s32)(-len) / 3;
	results[4] = __builtin_bswap64((__u64)w);
	results[5] = (__s64)(__s8)(len * 9); /* movsx */
	return (__u32)(results[1] + results[3]) & 0xffff;
}
