// expect: reject
// why: adding two pointers
#include "common.h"

ASM_PROG("xdp", "r2 = r10; r2 += r1; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
