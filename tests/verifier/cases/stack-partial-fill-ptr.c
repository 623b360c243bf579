// expect: reject
// why: half of a spilled pointer
#include "common.h"

ASM_PROG("xdp", "*(u64 *)(r10 - 8) = r1; r2 = *(u32 *)(r10 - 8); r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
