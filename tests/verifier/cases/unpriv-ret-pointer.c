// expect: reject
// mode: unprivileged
// why: returning a pointer leaks a kernel address
#include "common.h"

ASM_PROG("socket", "r0 = r10; exit;")
char LICENSE[] SEC("license") = "GPL";
