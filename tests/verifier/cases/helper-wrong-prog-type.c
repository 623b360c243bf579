// expect: reject
// why: xdp_adjust_head is XDP-only
#include "common.h"

ASM_PROG("socket", "r2 = 0; call 44; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
