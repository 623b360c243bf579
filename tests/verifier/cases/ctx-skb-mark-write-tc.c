// expect: accept
// why: tc may write skb->mark
#include "common.h"

ASM_PROG("tc", "r2 = 1; *(u32 *)(r1 + 8) = r2; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
