// expect: reject
// why: signed index may be negative
#include "common.h"
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64[4]); } arr SEC(".maps");
SEC("xdp") int prog(struct xdp_md *ctx) { __u32 k = 0; __u64 *v = bpf_map_lookup_elem(&arr, &k); int i = (int)ctx->rx_queue_index; if (!v) return 1; if (i < 4) return v[i]; return 2; }
char LICENSE[] SEC("license") = "GPL";
