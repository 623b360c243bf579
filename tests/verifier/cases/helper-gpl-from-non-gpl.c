// expect: reject
// why: GPL-only helper in a proprietary program
#include "common.h"

SEC("xdp") int prog(struct xdp_md *ctx) { char f[] = "hi"; bpf_trace_printk(f, sizeof(f)); return 2; }
char LICENSE[] SEC("license") = "Proprietary";
