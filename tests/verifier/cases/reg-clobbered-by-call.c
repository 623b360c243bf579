// expect: reject
// why: R1-R5 are not preserved across a helper call
#include "common.h"

ASM_PROG("xdp", "call 5; r0 = r2; exit;")
char LICENSE[] SEC("license") = "GPL";
