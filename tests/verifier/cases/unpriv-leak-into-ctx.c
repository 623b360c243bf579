// expect: reject
// mode: unprivileged
// why: storing a pointer into skb->cb leaks it
#include "common.h"

ASM_PROG("socket", "*(u32 *)(r1 + 48) = r10; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
