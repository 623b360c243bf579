// expect: reject
// why: a jump to itself never terminates
#include "common.h"

ASM_PROG("xdp", "l0_%=: r0 = 0; goto l0_%=;")
char LICENSE[] SEC("license") = "GPL";
