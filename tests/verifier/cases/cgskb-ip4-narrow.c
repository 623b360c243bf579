// expect: reject
// why: cgroup_skb may read remote_ip4 only whole; a one-byte load of it is refused
#include "common.h"

ASM_PROG("cgroup_skb/ingress", "r0 = *(u8 *)(r1 + 93); r0 &= 1; exit;")
char LICENSE[] SEC("license") = "GPL";
