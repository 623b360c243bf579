// expect: accept
// why: root may read uninitialised stack
#include "common.h"

ASM_PROG("xdp", "r0 = *(u64 *)(r10 - 8); r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
