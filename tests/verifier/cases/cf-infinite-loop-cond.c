// expect: reject
// why: loop condition never changes
#include "common.h"

ASM_PROG("xdp", "r0 = 0; r1 = 1; l0_%=: if r1 == 1 goto l0_%=; exit;")
char LICENSE[] SEC("license") = "GPL";
