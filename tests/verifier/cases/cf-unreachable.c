// expect: reject
// why: dead instruction after exit
#include "common.h"

ASM_PROG("xdp", "r0 = 2; exit; r0 = 1; exit;")
char LICENSE[] SEC("license") = "GPL";
