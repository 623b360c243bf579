// expect: accept
// why: cgroup_skb returns 1
#include "common.h"

ASM_PROG("cgroup_skb/ingress", "r0 = 1; exit;")
char LICENSE[] SEC("license") = "GPL";
