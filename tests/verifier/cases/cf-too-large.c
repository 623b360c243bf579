// expect: reject
// why: a loop whose every iteration is a new state hits the 1,000,000 processed-instruction limit
#include "common.h"

ASM_PROG("xdp", "r1 = 0; l0_%=: r1 += 1; if r1 < 10000000 goto l0_%=; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
