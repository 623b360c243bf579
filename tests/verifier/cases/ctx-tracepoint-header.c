// expect: reject
// why: a tracepoint program may not read the record's 8-byte common header
#include "common.h"

ASM_PROG("tracepoint/syscalls/sys_enter_execve", "r0 = *(u64 *)(r1 + 0); r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
