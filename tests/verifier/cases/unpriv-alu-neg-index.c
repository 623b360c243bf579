// expect: reject
// mode: unprivileged
// why: a map value pointer moved left of its start by a register
#include "common.h"
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } vals SEC(".maps");
ASM_PROG("socket", "r6 = *(u32 *)(r1 + 0); r1 = 0; *(u32 *)(r10 - 4) = r1; r2 = r10; r2 += -4; r1 = vals ll; call 1; if r0 == 0 goto l9_%=; r6 &= 7; r0 -= r6; r0 = *(u8 *)(r0 + 0); l9_%=: r0 = 0; exit;")
char LICENSE[] SEC("license") = "GPL";
