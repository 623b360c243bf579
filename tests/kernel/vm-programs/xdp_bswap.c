/* Byte swaps: ntohs/ntohl on headers and a 64-bit bswap (-mcpu=v4 bswap instructions). */
#include "common.h"

SEC("xdp") int xdp_bswap(struct xdp_md *ctx) {
  __u8 *p = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  if (p + 24 > end) return 1;
  __u16 s = ntohs(*(__u16 *)(p + 12));
  __u32 w = ntohl(*(__u32 *)(p + 16));
  __u64 q = __builtin_bswap64(*(__u64 *)p);
  return (__u32)(q >> 24) ^ w ^ ((__u32)s << 5);
}
