// expect: reject
// why: spilling a pointer with a 4-byte store
#include "common.h"

ASM_PROG("xdp", "*(u32 *)(r10 - 8) = r1; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
