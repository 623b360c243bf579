// expect: accept
// why: 32-bit ops zero-extend
#include "common.h"

ASM_PROG("xdp", "w0 = -1; r0 >>= 32; exit;")
char LICENSE[] SEC("license") = "GPL";
