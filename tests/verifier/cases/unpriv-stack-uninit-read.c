// expect: reject
// mode: unprivileged
// why: an unprivileged program may not read stack it never wrote
#include "common.h"

ASM_PROG("socket", "r0 = *(u64 *)(r10 - 8); r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
