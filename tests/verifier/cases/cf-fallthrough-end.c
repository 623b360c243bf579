// expect: reject
// why: the program may run off its end
#include "common.h"

ASM_PROG("xdp", "r0 = 2; if r0 == 1 goto l0_%=; l0_%=: r0 = 1;")
char LICENSE[] SEC("license") = "GPL";
