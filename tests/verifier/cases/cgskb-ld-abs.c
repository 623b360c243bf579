// expect: reject
// why: cgroup_skb has no legacy LD_ABS/LD_IND packet loads (socket filters and tc do)
#include "common.h"

ASM_PROG("cgroup_skb/ingress", "r6 = r1; r0 = *(u8 *)skb[0]; r0 &= 1; exit;")
char LICENSE[] SEC("license") = "GPL";
