// expect: reject
// why: reading a register never written
#include "common.h"

ASM_PROG("xdp", "r0 = r5; exit;")
char LICENSE[] SEC("license") = "GPL";
