// expect: reject
// why: shift by more than the width
#include "common.h"

ASM_PROG("xdp", "r0 = 1; r0 <<= 64; exit;")
char LICENSE[] SEC("license") = "GPL";
