// expect: accept
// mode: unprivileged
// why: a stack pointer moved by a known register
#include "common.h"

ASM_PROG("socket", "r2 = -8; r3 = r10; r3 += r2; r1 = 0; *(u64 *)(r3 + 0) = r1; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
