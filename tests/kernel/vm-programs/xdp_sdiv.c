/* Signed division and modulo (-mcpu=v4 sdiv/smod), with negative operands from the packet. */
#include "common.h"

SEC("xdp") int xdp_sdiv(struct xdp_md *ctx) {
  __u8 *p = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  if (p + 24 > end) return 1;
  __s64 a = *(__s64 *)(p + 6) - 0x4000000000000000LL;
  __s64 b = (__s8)p[20] | 1;
  __s32 c = *(__s32 *)(p + 12);
  __s32 d = (__s16)(*(__u16 *)(p + 22)) | 1;
  volatile __s64 q = a / b;
  volatile __s64 r = a % b;
  volatile __s32 q32 = c / d;
  volatile __s32 r32 = c % d;
  return (__u32)(q ^ r ^ q32 ^ (r32 << 16));
}
