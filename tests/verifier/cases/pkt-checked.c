// expect: accept
// why: read after a bounds check
#include "common.h"

SEC("xdp") int prog(struct xdp_md *ctx) { unsigned char *d = (void *)(long)ctx->data, *e = (void *)(long)ctx->data_end; if (d + 14 > e) return 1; return d[12]; }
char LICENSE[] SEC("license") = "GPL";
