// expect: accept
// why: pkt + 8 < end proves 9 bytes
#include "common.h"

ASM_PROG("xdp", "r2 = *(u32 *)(r1 + 0); r3 = *(u32 *)(r1 + 4); r4 = r2; r4 += 8; if r4 < r3 goto l0_%=; r0 = 1; exit; l0_%=: r0 = *(u8 *)(r2 + 8); exit;")
char LICENSE[] SEC("license") = "GPL";
