// expect: reject
// why: stack access must be aligned
#include "common.h"

ASM_PROG("xdp", "r1 = 0; *(u32 *)(r10 - 6) = r1; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
