// expect: reject
// why: xdp_md is read-only
#include "common.h"

ASM_PROG("xdp", "r2 = 0; *(u32 *)(r1 + 16) = r2; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
