// expect: accept
// mode: unprivileged
// why: stack written before it is read is fine unprivileged
#include "common.h"

ASM_PROG("socket", "r1 = 7; *(u64 *)(r10 - 8) = r1; r0 = *(u64 *)(r10 - 8); r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
