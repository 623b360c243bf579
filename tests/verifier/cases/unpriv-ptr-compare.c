// expect: reject
// mode: unprivileged
// why: comparing two pointers is refused unprivileged
#include "common.h"

ASM_PROG("socket", "r2 = r10; if r1 == r2 goto +0; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
