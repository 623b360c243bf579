// expect: accept
// why: both sides of a branch exit
#include "common.h"

ASM_PROG("xdp", "r0 = 2; r1 = *(u32 *)(r1 + 16); if r1 == 0 goto l0_%=; r0 = 1; l0_%=: exit;")
char LICENSE[] SEC("license") = "GPL";
