// expect: reject
// mode: unprivileged
// why: storing a pointer into a map value leaks it
#include "common.h"
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } vals SEC(".maps");
ASM_PROG("socket", "r1 = 0; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = vals ll; call 1; if r0 == 0 goto +1; *(u64 *)(r0 + 0) = r0; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
