// expect: reject
// why: write above the frame pointer
#include "common.h"

ASM_PROG("xdp", "r1 = 0; *(u64 *)(r10 + 0) = r1; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
