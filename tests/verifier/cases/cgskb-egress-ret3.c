// expect: accept
// why: a cgroup_skb egress program may return 3 (allow, with congestion notification)
#include "common.h"

ASM_PROG("cgroup_skb/egress", "r0 = 3; exit;")
char LICENSE[] SEC("license") = "GPL";
