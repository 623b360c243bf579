// expect: reject
// mode: unprivileged
// why: without CAP_BPF a cgroup_skb program may read skb->tstamp but not write it
#include "common.h"

ASM_PROG("cgroup_skb/ingress", "r2 = *(u64 *)(r1 + 152); *(u64 *)(r1 + 152) = r2; r0 = 1; exit;")
char LICENSE[] SEC("license") = "GPL";
