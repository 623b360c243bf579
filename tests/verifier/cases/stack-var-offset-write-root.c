// expect: accept
// why: variable-offset stack write within bounds
#include "common.h"

ASM_PROG("xdp", "r2 = *(u32 *)(r1 + 16); r2 &= 7; r3 = r10; r3 += -16; r3 += r2; r4 = 0; *(u8 *)(r3 + 0) = r4; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
