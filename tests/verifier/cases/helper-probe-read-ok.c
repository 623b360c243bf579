// expect: accept
// why: probe_read_kernel into uninitialised stack
#include "common.h"

ASM_PROG("kprobe/foo", "r1 = r10; r1 += -16; r2 = 16; r3 = 0; call 113; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
