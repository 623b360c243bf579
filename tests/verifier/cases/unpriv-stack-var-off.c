// expect: reject
// mode: unprivileged
// why: stack access at a variable offset is root-only
#include "common.h"

ASM_PROG("socket", "r2 = *(u32 *)(r1 + 0); r2 &= 7; r3 = r10; r3 += -16; r3 += r2; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
