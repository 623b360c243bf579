// expect: reject
// why: a loop whose counter never reaches the bound exhausts the limit
#include "common.h"

ASM_PROG("xdp", "r1 = 0; l0_%=: r1 += 1; if r1 != 0 goto l0_%=; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
