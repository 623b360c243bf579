// expect: reject
// why: no such helper
#include "common.h"

ASM_PROG("xdp", "call 10000; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
