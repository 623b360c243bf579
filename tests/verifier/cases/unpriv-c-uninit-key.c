// expect: reject
// mode: unprivileged
// why: a struct key with a padding hole is partly uninitialised stack
#include "common.h"
struct key { __u8 a; __u32 b; };
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 16); __type(key, struct key); __type(value, __u64); } m SEC(".maps");
SEC("socket") int prog(struct __sk_buff *skb) {
  struct key k;
  k.a = 1; k.b = skb->len;
  __u64 *v = bpf_map_lookup_elem(&m, &k);
  return v ? 1 : 0;
}
char LICENSE[] SEC("license") = "GPL";
