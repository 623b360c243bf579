// expect: accept
// mode: unprivileged
// why: legacy packet loads in a socket filter
#include "common.h"

ASM_PROG("socket", "r6 = r1; r0 = *(u8 *)skb[12]; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
