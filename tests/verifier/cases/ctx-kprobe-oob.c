// expect: reject
// why: past the end of pt_regs
#include "common.h"

ASM_PROG("kprobe/foo", "r0 = *(u64 *)(r1 + 168); r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
