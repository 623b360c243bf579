// expect: reject
// mode: unprivileged
// why: a map key on the stack must be initialised unprivileged
#include "common.h"
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } vals SEC(".maps");
ASM_PROG("socket", "r2 = r10; r2 += -4; r1 = vals ll; call 1; r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
