// expect: reject
// mode: unprivileged
// why: a pointer passed as a plain helper argument leaks
#include "common.h"
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } vals SEC(".maps");
ASM_PROG("socket", "r1 = 0; *(u32 *)(r10 - 4) = r1; *(u64 *)(r10 - 16) = r1; r2 = r10; r2 += -4; r3 = r10; r3 += -16; r4 = r10; r1 = vals ll; call 2; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
