// expect: reject
// mode: unprivileged
// why: a bounded C loop is a back-edge, refused without CAP_BPF
#include "common.h"
SEC("socket") int prog(struct __sk_buff *skb) {
  __u32 hash = 0, n = skb->len & 63;
#pragma clang loop unroll(disable)
  for (__u32 i = 0; i < n; i++) hash = hash * 31 + (hash >> 7) + i;
  return hash;
}
char LICENSE[] SEC("license") = "GPL";
