// expect: accept
// why: a counted loop terminates
#include "common.h"

ASM_PROG("xdp", "r1 = 0; l0_%=: r1 += 1; if r1 < 10 goto l0_%=; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
