// expect: accept
// mode: unprivileged
// why: a socket filter may write a scalar into skb->cb
#include "common.h"

ASM_PROG("socket", "r2 = 1; *(u32 *)(r1 + 48) = r2; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
