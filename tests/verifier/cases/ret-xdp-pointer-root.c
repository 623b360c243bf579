// expect: accept
// why: root may return a pointer value
#include "common.h"

ASM_PROG("xdp", "r0 = r10; exit;")
char LICENSE[] SEC("license") = "GPL";
