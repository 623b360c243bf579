// expect: reject
// why: multiplying a pointer
#include "common.h"

ASM_PROG("xdp", "r2 = r10; r2 *= 2; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
