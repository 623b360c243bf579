/* Atomic operations on the stack: fetch-add, or, xchg and compare-and-swap (32 and 64 bit). */
#include "common.h"

SEC("xdp") int xdp_atomic(struct xdp_md *ctx) {
  __u8 *p = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  if (p + 8 > end) return 0;
  __u64 counter = *(__u32 *)p;
  __u32 flags = p[4];
  __u64 old = __sync_fetch_and_add(&counter, 0x100000001ULL);
  __sync_fetch_and_or(&flags, 0x80);
  __u64 swapped = __sync_lock_test_and_set(&counter, old ^ 0xff);
  __u32 cas = __sync_val_compare_and_swap(&flags, flags, 7);
  return (__u32)(counter + swapped + old) ^ cas ^ flags;
}
