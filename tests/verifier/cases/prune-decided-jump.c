// expect: reject
// why: a branch the bounds decide on one path makes its register's value matter when pruning the other path
#include "common.h"

ASM_PROG("xdp", "r6 = *(u32 *)(r1 + 16); r7 = 0; r2 = 0; if r2 != 0 goto +0; r2 += 1; r2 += 1; r2 += 1; r2 += 1; r2 += 1; r2 += 1; if r6 != 0 goto l1_%=; goto l2_%=; l1_%=: r7 = 8; l2_%=: r2 += 1; if r7 == 0 goto l3_%=; r0 = *(u32 *)(r1 + 1000); l3_%=: r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
