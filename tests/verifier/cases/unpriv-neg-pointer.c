// expect: reject
// mode: unprivileged
// why: negating a pointer is refused unprivileged
#include "common.h"

ASM_PROG("socket", "r2 = r10; r2 = -r2; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
