// expect: reject
// why: ctx pointer moved before the load
#include "common.h"

ASM_PROG("xdp", "r1 += 4; r0 = *(u32 *)(r1 + 0); r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
