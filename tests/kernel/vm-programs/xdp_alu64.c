/* 64-bit arithmetic on packet-derived values: multiply, shifts, xor, rotates, lddw constants. */
#include "common.h"

SEC("xdp") int xdp_alu64(struct xdp_md *ctx) {
  __u8 *p = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  if (p + 16 > end) return 0;
  __u64 a = *(__u64 *)p;
  __u64 b = *(__u64 *)(p + 8);
  __u64 h = 0xcbf29ce484222325ULL;
  h ^= a;
  h *= 0x100000001b3ULL;
  h ^= b >> 7;
  h *= 0x100000001b3ULL;
  h += (a << 13) | (a >> 51);
  h -= b * 3;
  __s64 s = (__s64)h >> 17;
  h ^= (__u64)s;
  return (__u32)(h ^ (h >> 32));
}
