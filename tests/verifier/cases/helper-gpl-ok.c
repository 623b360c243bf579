// expect: accept
// why: GPL-only helper in a GPL program
#include "common.h"

SEC("xdp") int prog(struct xdp_md *ctx) { char f[] = "hi"; bpf_trace_printk(f, sizeof(f)); return 2; }
char LICENSE[] SEC("license") = "GPL";
