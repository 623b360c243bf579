// expect: reject
// mode: unprivileged
// why: without CAP_BPF a cgroup_skb program may not read skb->data
#include "common.h"

ASM_PROG("cgroup_skb/ingress", "r2 = *(u32 *)(r1 + 76); r0 = 1; exit;")
char LICENSE[] SEC("license") = "GPL";
