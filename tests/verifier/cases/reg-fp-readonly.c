// expect: reject
// why: writing R10
#include "common.h"

ASM_PROG("xdp", "r10 = 0; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
