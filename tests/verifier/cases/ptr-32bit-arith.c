// expect: reject
// why: 32-bit arithmetic on a pointer
#include "common.h"

ASM_PROG("xdp", "r2 = r10; w2 += 1; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
