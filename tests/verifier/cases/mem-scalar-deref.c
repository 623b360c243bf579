// expect: reject
// why: a number is not a pointer
#include "common.h"

ASM_PROG("xdp", "r2 = 100; r0 = *(u64 *)(r2 + 0); exit;")
char LICENSE[] SEC("license") = "GPL";
