// expect: reject
// why: adding a scalar with no lower bound to a map value pointer
#include "common.h"
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 16); __type(key, __u32); __type(value, __u64); } counts SEC(".maps");
ASM_PROG("xdp", "r2 = r10; r2 += -4; *(u32 *)(r10 - 4) = 0; r1 = counts ll; call 1; if r0 == 0 goto l0_%=; r1 = *(u64 *)(r0 + 0); r0 += r1; r0 = 2; exit; l0_%=: r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
