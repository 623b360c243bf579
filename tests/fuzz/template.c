/*
 * The fuzzer's object: two maps (lddw src=5 imm 0 and 1 in generated programs) and an XDP program
 * whose code each generated program replaces, so fuzzed programs run in a real session like `run`.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(key_size, 4);
  __uint(value_size, 8);
  __uint(max_entries, 4);
} arr SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(key_size, 4);
  __uint(value_size, 16);
  __uint(max_entries, 8);
} hash SEC(".maps");

SEC("xdp") int prog(struct xdp_md *ctx) {
  __u32 k = 0;
  return bpf_map_lookup_elem(&arr, &k) && bpf_map_lookup_elem(&hash, &k) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
