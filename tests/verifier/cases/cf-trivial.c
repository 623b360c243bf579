// expect: accept
// why: smallest valid program
#include "common.h"

ASM_PROG("xdp", "r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
