// expect: reject
// why: key pointer past the frame
#include "common.h"
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 16); __type(key, __u32); __type(value, __u64); } counts SEC(".maps");
ASM_PROG("xdp", "r2 = r10; r2 += -2; r1 = counts ll; call 1; r0 = 2; exit;")
char LICENSE[] SEC("license") = "GPL";
