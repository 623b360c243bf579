/* A bounded loop over the packet: a ones'-complement checksum of the first 64 bytes. */
#include "common.h"

SEC("xdp") int xdp_loop(struct xdp_md *ctx) {
  __u8 *p = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  __u32 sum = 0;
#pragma clang loop unroll(disable)
  for (int i = 0; i < 64; i += 2) {
    if (p + i + 2 > end) break;
    sum += *(__u16 *)(p + i);
  }
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return ~sum & 0xffff;
}
