// expect: reject
// why: a jump to itself never terminates
#include "common.h"

ASM_PROG("xdp", "r0 = 0; l0_%=: goto l0_%=; exit;")
char LICENSE[] SEC("license") = "GPL";
