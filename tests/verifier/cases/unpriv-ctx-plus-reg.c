// expect: reject
// mode: unprivileged
// why: context pointer plus a register
#include "common.h"

ASM_PROG("socket", "r2 = 0; r1 += r2; r0 = *(u32 *)(r1 + 0); r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
