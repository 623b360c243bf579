// expect: reject
// why: constant offset past the end of the value
#include "common.h"
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 16); __type(key, __u32); __type(value, __u64); } counts SEC(".maps");
SEC("xdp") int prog(struct xdp_md *ctx) { __u32 k = 1; __u64 *v = bpf_map_lookup_elem(&counts, &k); if (!v) return 1; return v[1]; }
char LICENSE[] SEC("license") = "GPL";
