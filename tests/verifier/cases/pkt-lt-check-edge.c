// expect: accept
// why: after pkt + 8 < end the 8th byte is readable
#include "common.h"

ASM_PROG("xdp", "r2 = *(u32 *)(r1 + 0); r3 = *(u32 *)(r1 + 4); r4 = r2; r4 += 8; if r4 < r3 goto l0_%=; r0 = 1; exit; l0_%=: r0 = *(u8 *)(r2 + 7); exit;")
char LICENSE[] SEC("license") = "GPL";
