// expect: reject
// mode: unprivileged
// why: bpf_printk is bpf_trace_printk, which needs CAP_PERFMON
#include "common.h"
SEC("socket") int prog(struct __sk_buff *skb) {
  bpf_printk("len %d", skb->len);
  return 0;
}
char LICENSE[] SEC("license") = "GPL";
