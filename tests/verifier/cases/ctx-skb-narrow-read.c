// expect: accept
// why: narrow read of a 4-byte field
#include "common.h"

ASM_PROG("socket", "r0 = *(u8 *)(r1 + 8); exit;")
char LICENSE[] SEC("license") = "GPL";
