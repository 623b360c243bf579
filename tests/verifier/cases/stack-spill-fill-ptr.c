// expect: accept
// why: spilled ctx pointer comes back as ctx
#include "common.h"

ASM_PROG("xdp", "*(u64 *)(r10 - 8) = r1; r2 = *(u64 *)(r10 - 8); r0 = *(u32 *)(r2 + 0); r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
