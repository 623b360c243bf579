// expect: reject
// why: pt_regs is read-only
#include "common.h"

ASM_PROG("kprobe/foo", "r2 = 0; *(u64 *)(r1 + 8) = r2; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
