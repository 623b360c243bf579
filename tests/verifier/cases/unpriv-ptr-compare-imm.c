// expect: reject
// mode: unprivileged
// why: a pointer compared with a constant other than 0
#include "common.h"

ASM_PROG("socket", "if r1 > 5 goto +0; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
