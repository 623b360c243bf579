// expect: reject
// why: socket filters have no direct packet access
#include "common.h"

ASM_PROG("socket", "r0 = *(u32 *)(r1 + 76); exit;")
char LICENSE[] SEC("license") = "GPL";
