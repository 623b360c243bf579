// expect: accept
// why: update with stack key and value
#include "common.h"
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 16); __type(key, __u32); __type(value, __u64); } counts SEC(".maps");
SEC("xdp") int prog(struct xdp_md *ctx) { __u32 k = 1; __u64 v = 5; bpf_map_update_elem(&counts, &k, &v, 0); return 2; }
char LICENSE[] SEC("license") = "GPL";
