// expect: reject
// why: BPF_ST into ctx
#include "common.h"

ASM_PROG("tc", "*(u32 *)(r1 + 8) = 0; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
