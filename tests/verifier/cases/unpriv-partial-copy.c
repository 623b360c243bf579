// expect: reject
// mode: unprivileged
// why: a 32-bit copy of a pointer leaks its low half
#include "common.h"

ASM_PROG("socket", "w0 = w10; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
