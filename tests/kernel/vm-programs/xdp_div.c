/* Unsigned division and modulo by packet bytes, including by zero (RFC 9669: x/0 = 0, x%0 = x). */
#include "common.h"

SEC("xdp") int xdp_div(struct xdp_md *ctx) {
  __u8 *p = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  if (p + 20 > end) return 1;
  __u64 n = *(__u64 *)(p + 4);
  __u32 d8 = p[19];
  __u32 d32 = *(__u32 *)(p + 14);
  volatile __u64 q = n / d8;
  volatile __u64 r = n % d8;
  volatile __u32 q32 = (__u32)n / d32;
  volatile __u32 r32 = (__u32)n % (d32 | 1);
  return (__u32)(q ^ (r << 8) ^ q32 ^ (r32 << 3));
}
