// expect: reject
// why: destination smaller than the size
#include "common.h"

ASM_PROG("kprobe/foo", "r1 = r10; r1 += -16; r2 = 24; r3 = 0; call 113; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
