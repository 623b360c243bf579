// expect: reject
// why: write below the 512-byte frame
#include "common.h"

ASM_PROG("xdp", "r1 = 0; *(u64 *)(r10 - 520) = r1; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
