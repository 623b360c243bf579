// expect: reject
// mode: unprivileged
// why: unprivileged programs may not loop
#include "common.h"

ASM_PROG("socket", "r1 = 0; l0_%=: r1 += 1; if r1 < 10 goto l0_%=; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
