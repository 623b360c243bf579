// expect: reject
// why: size argument must be positive
#include "common.h"

ASM_PROG("xdp", "r1 = r10; r1 += -8; r2 = 0; call 6; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
