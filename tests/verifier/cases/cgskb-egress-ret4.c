// expect: reject
// why: a cgroup_skb egress program may return at most 3
#include "common.h"

ASM_PROG("cgroup_skb/egress", "r0 = 4; exit;")
char LICENSE[] SEC("license") = "GPL";
