// expect: accept
// why: static function call
#include "common.h"

static __attribute__((noinline)) int add(int a, int b) { return a + b; }
SEC("xdp") int prog(struct xdp_md *ctx) { return add(ctx->rx_queue_index & 1, 1); }
char LICENSE[] SEC("license") = "GPL";
