// expect: reject
// why: packet pointers die at bpf_xdp_adjust_head
#include "common.h"

SEC("xdp") int prog(struct xdp_md *ctx) { unsigned char *d = (void *)(long)ctx->data, *e = (void *)(long)ctx->data_end; if (d + 2 > e) return 1; bpf_xdp_adjust_head(ctx, 0); return d[1]; }
char LICENSE[] SEC("license") = "GPL";
