// expect: reject
// mode: unprivileged
// why: even a NULL check on the frame pointer is a pointer comparison without CAP_BPF
#include "common.h"

ASM_PROG("socket", "if r10 == 0 goto +1; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
