// expect: reject
// why: a subprogram that never sets R0 leaves it uninitialised for the caller
#include "common.h"

static __attribute__((naked, noinline, used)) void sub(void) { asm volatile("r1 = 1; exit;" ::: "memory"); }
ASM_PROG("xdp", "call sub; exit;")
char LICENSE[] SEC("license") = "GPL";
