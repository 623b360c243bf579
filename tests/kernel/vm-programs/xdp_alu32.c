/* 32-bit arithmetic with wrap-around, arithmetic shifts and negation. */
#include "common.h"

SEC("xdp") int xdp_alu32(struct xdp_md *ctx) {
  __u8 *p = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  if (p + 12 > end) return 1;
  __u32 a = *(__u32 *)p;
  __u32 b = *(__u32 *)(p + 4);
  __s32 c = *(__s32 *)(p + 8);
  __u32 x = a * 2654435761u + b;
  x ^= x >> 15;
  x = (x << 7) | (x >> 25);
  __s32 y = c >> 3;
  y = -y;
  x -= (__u32)y;
  return x & 0x7fffffff;
}
