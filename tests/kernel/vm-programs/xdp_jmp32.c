/* 32-bit comparisons (jmp32), signed and unsigned, chosen by packet bytes. */
#include "common.h"

SEC("xdp") int xdp_jmp32(struct xdp_md *ctx) {
  __u8 *p = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  if (p + 8 > end) return 9;
  __u32 a = *(__u32 *)p;
  __s32 b = *(__s32 *)(p + 4);
  int r = 0;
  if (a > 0x80000000u) r |= 1;
  if (b < -5) r |= 2;
  if ((__s32)a >= b) r |= 4;
  if (a & 0x100) r |= 8;
  if ((a ^ (__u32)b) <= 0xffff) r |= 16;
  return r;
}
