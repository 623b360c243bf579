// expect: reject
// why: skb->len is read-only
#include "common.h"

ASM_PROG("tc", "r2 = 1; *(u32 *)(r1 + 0) = r2; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
