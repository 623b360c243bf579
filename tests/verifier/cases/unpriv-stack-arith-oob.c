// expect: reject
// mode: unprivileged
// why: a stack pointer moved beyond the stack
#include "common.h"

ASM_PROG("socket", "r2 = r10; r2 += -600; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
