// expect: reject
// why: pkt_end cannot be moved
#include "common.h"

ASM_PROG("xdp", "r2 = *(u32 *)(r1 + 4); r2 += 1; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
