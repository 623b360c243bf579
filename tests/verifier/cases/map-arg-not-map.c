// expect: reject
// why: first argument must be a map
#include "common.h"

ASM_PROG("xdp", "r2 = r10; r2 += -8; r1 = 0; call 1; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
