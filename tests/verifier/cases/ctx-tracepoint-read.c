// expect: accept
// why: a tracepoint program reads its record's fields past the common header
#include "common.h"

ASM_PROG("tracepoint/syscalls/sys_enter_execve", "r0 = *(u64 *)(r1 + 16); r0 = *(u32 *)(r1 + 8); r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
