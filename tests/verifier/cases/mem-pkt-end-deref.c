// expect: reject
// why: pkt_end cannot be read
#include "common.h"

ASM_PROG("xdp", "r2 = *(u32 *)(r1 + 4); r0 = *(u8 *)(r2 + 0); exit;")
char LICENSE[] SEC("license") = "GPL";
