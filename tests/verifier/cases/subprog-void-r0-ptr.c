// expect: accept
// why: a static subprogram may exit with a pointer (or nothing) in R0; the caller never reads it
#include "common.h"

static __attribute__((naked, noinline, used)) void sub(void) { asm volatile("r0 = r1; exit;" ::: "memory"); }
ASM_PROG("xdp", "call sub; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
