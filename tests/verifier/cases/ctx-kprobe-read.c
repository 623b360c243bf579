// expect: accept
// why: kprobe reads pt_regs
#include "common.h"

ASM_PROG("kprobe/foo", "r0 = *(u64 *)(r1 + 8); r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
