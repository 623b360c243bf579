/* Loop-heavy benchmark program: 1024 rounds of mixing over the first 16 packet bytes. */
#include "common.h"

SEC("xdp") int bench_loop(struct xdp_md *ctx) {
  __u8 *p = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  if (p + 16 > end) return 0;
  __u64 a = *(__u64 *)p;
  __u64 b = *(__u64 *)(p + 8);
  __u32 acc = 0;
#pragma clang loop unroll(disable)
  for (int i = 0; i < 1024; i++) {
    a = a * 6364136223846793005ULL + b;
    b ^= a >> 29;
    acc += (__u32)(a >> 32) ^ (__u32)b;
    if (acc & 1) acc = (acc << 3) | (acc >> 29);
  }
  return acc & 0xffff;
}
