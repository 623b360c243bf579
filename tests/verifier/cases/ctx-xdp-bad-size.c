// expect: reject
// why: xdp_md fields are 4 bytes
#include "common.h"

ASM_PROG("xdp", "r0 = *(u64 *)(r1 + 0); r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
