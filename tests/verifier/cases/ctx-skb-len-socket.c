// expect: accept
// why: socket filter reads skb->len
#include "common.h"

ASM_PROG("socket", "r0 = *(u32 *)(r1 + 0); exit;")
char LICENSE[] SEC("license") = "GPL";
