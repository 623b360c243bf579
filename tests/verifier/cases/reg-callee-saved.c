// expect: accept
// why: R6-R9 survive a helper call
#include "common.h"

ASM_PROG("xdp", "r6 = 2; call 5; r0 = r6; exit;")
char LICENSE[] SEC("license") = "GPL";
