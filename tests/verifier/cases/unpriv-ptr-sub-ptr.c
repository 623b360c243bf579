// expect: reject
// mode: unprivileged
// why: pointer minus pointer is root-only
#include "common.h"

ASM_PROG("socket", "r2 = r10; r2 -= r1; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
