// expect: reject
// why: socket fields are not for tc
#include "common.h"

ASM_PROG("tc", "r0 = *(u32 *)(r1 + 88); exit;")
char LICENSE[] SEC("license") = "GPL";
