// expect: reject
// why: stack of caller and callee over 512 bytes
#include "common.h"

static __attribute__((noinline)) int f(int x) { volatile char buf[300]; buf[x & 255] = 1; return buf[0]; }
SEC("xdp") int prog(struct xdp_md *ctx) { volatile char buf[300]; buf[ctx->rx_queue_index & 255] = 2; return f(ctx->rx_queue_index) + buf[1]; }
char LICENSE[] SEC("license") = "GPL";
