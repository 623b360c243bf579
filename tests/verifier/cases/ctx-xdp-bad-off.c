// expect: reject
// why: past the end of xdp_md
#include "common.h"

ASM_PROG("xdp", "r0 = *(u32 *)(r1 + 64); exit;")
char LICENSE[] SEC("license") = "GPL";
