// expect: accept
// mode: unprivileged
// why: an ordinary C socket filter counting packets by protocol
#include "common.h"
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 256); __type(key, __u32); __type(value, __u64); } counts SEC(".maps");
SEC("socket") int prog(struct __sk_buff *skb) {
  __u32 key = skb->protocol & 0xff;
  __u64 *v = bpf_map_lookup_elem(&counts, &key);
  if (v) __sync_fetch_and_add(v, 1);
  return skb->len;
}
char LICENSE[] SEC("license") = "GPL";
