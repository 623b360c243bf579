/* Sign-extending loads and moves (-mcpu=v4 ldsx/movsx) and signed comparisons. */
#include "common.h"

SEC("xdp") int xdp_sext(struct xdp_md *ctx) {
  __u8 *p = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  if (p + 16 > end) return 1;
  __s8 b = *(__s8 *)(p + 13);
  __s16 h = *(__s16 *)(p + 2);
  __s32 w = *(__s32 *)(p + 8);
  __s64 sum = (__s64)b + (__s64)h + (__s64)w;
  if (sum < 0) return (__u32)(-sum) | 0x80000000u;
  if ((__s8)(p[15] + 100) < 0) return 3;
  return (__u32)sum;
}
