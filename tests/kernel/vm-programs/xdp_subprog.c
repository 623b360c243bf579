/* bpf-to-bpf calls: non-inlined subprograms with arguments, nested calls and their own stacks. */
#include "common.h"

static NOINLINE __u32 mix(__u32 a, __u32 b) {
  volatile __u32 scratch[4] = {a, b, a ^ b, a + b};
  return scratch[0] * 31 + scratch[1] * 17 + scratch[2] + (scratch[3] << 1);
}

static NOINLINE __u32 fold(__u8 *p, __u8 *end, __u32 seed) {
  __u32 acc = seed;
  if (p + 8 > end) return acc;
  acc = mix(acc, *(__u32 *)p);
  return mix(acc, *(__u32 *)(p + 4));
}

SEC("xdp") int xdp_subprog(struct xdp_md *ctx) {
  __u8 *p = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  __u32 h = fold(p, end, 7);
  if (p + 16 <= end) h = fold(p + 8, end, h);
  return h & 0xffffff;
}
