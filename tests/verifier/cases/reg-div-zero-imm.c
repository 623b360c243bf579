// expect: reject
// why: division by constant zero
#include "common.h"

ASM_PROG("xdp", "r0 = 1; r0 /= 0; exit;")
char LICENSE[] SEC("license") = "GPL";
