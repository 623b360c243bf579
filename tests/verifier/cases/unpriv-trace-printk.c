// expect: reject
// mode: unprivileged
// why: bpf_trace_printk needs CAP_PERFMON
#include "common.h"

ASM_PROG("socket", "r1 = 0; *(u64 *)(r10 - 8) = r1; r1 = r10; r1 += -8; r2 = 8; call 6; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
