// section: xdp
// packets: all
/* Global data: .bss counters, an initialised .data config and a .rodata lookup table. */
#include "common.h"

__u64 seen;                        /* .bss */
__u32 last_len;                    /* .bss */
__u32 drop_below = 50;             /* .data */
__u8 verdicts[4] = { 1, 2, 2, 3 }; /* .data */
const volatile __u32 weights[4] = { 10, 20, 30, 40 }; /* .rodata */
const volatile __u64 magic = 0x1122334455667788ULL;    /* .rodata */

SEC("xdp")
int xdp_global_data(struct xdp_md *ctx)
{
	__u32 len = ctx->data_end - ctx->data;
	seen += weights[len & 3];
	last_len = len ^ (__u32)magic;
	if (len < drop_below) {
		drop_below -= 1;
		return XDP_DROP;
	}
	verdicts[len & 3] += 1;
	return verdicts[(len >> 2) & 3] & 3;
}
