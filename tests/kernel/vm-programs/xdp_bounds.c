/* Variable-offset packet reads after a bounds check: walks TLVs (kind, len) in a bounded loop. */
#include "common.h"

SEC("xdp") int xdp_bounds(struct xdp_md *ctx) {
  __u8 *data = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  __u32 total = 0;
  __u32 off = 14;
#pragma clang loop unroll(disable)
  for (int i = 0; i < 8; i++) {
    __u8 *q = data + (off & 63);
    if (q + 2 > end) break;
    total += q[0] * 3 + q[1];
    off += (q[1] & 7) + 2;
  }
  return total;
}
