// expect: reject
// why: read without a bounds check
#include "common.h"

SEC("xdp") int prog(struct xdp_md *ctx) { unsigned char *d = (void *)(long)ctx->data; return d[12]; }
char LICENSE[] SEC("license") = "GPL";
