// expect: accept
// why: lookup result checked before use
#include "common.h"
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 16); __type(key, __u32); __type(value, __u64); } counts SEC(".maps");
SEC("xdp") int prog(struct xdp_md *ctx) { __u32 k = 1; __u64 *v = bpf_map_lookup_elem(&counts, &k); if (!v) return 1; *v += 1; return 2; }
char LICENSE[] SEC("license") = "GPL";
