// expect: reject
// why: scalar minus pointer
#include "common.h"

ASM_PROG("xdp", "r2 = 5; r2 -= r10; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
