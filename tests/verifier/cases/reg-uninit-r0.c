// expect: reject
// why: exit without setting R0
#include "common.h"

ASM_PROG("xdp", "exit;")
char LICENSE[] SEC("license") = "GPL";
