// expect: accept
// why: BPF_ST of an immediate into a writable tc ctx field
#include "common.h"

ASM_PROG("tc", "*(u32 *)(r1 + 8) = 0; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
