// expect: reject
// why: a subprogram may not return a pointer into its own stack
#include "common.h"

static __attribute__((naked, noinline, used)) void sub(void) { asm volatile("r0 = r10; exit;" ::: "memory"); }
ASM_PROG("xdp", "call sub; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
