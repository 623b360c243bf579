// expect: reject
// why: cgroup_skb must return 0 or 1
#include "common.h"

ASM_PROG("cgroup_skb/ingress", "r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
