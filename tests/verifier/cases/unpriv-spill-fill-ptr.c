// expect: accept
// mode: unprivileged
// why: spilling and filling a pointer on the stack is fine unprivileged
#include "common.h"

ASM_PROG("socket", "*(u64 *)(r10 - 8) = r1; r1 = *(u64 *)(r10 - 8); r0 = *(u32 *)(r1 + 0); r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
