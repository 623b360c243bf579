// expect: reject
// mode: unprivileged
// why: reading half a spilled pointer leaks it
#include "common.h"

ASM_PROG("socket", "*(u64 *)(r10 - 8) = r1; r0 = *(u32 *)(r10 - 8); r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
