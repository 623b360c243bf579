// expect: reject
// why: size argument must be bounded
#include "common.h"

ASM_PROG("xdp", "r2 = *(u32 *)(r1 + 16); r1 = r10; r1 += -8; call 6; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
