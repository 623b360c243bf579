// expect: accept
// why: pointer minus pointer gives a scalar (root)
#include "common.h"

ASM_PROG("xdp", "r2 = *(u32 *)(r1 + 0); r3 = *(u32 *)(r1 + 4); r3 -= r2; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
