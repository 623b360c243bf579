// expect: reject
// mode: unprivileged
// why: a map pointer returned leaks its address
#include "common.h"
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } vals SEC(".maps");
ASM_PROG("socket", "r0 = vals ll; exit;")
char LICENSE[] SEC("license") = "GPL";
