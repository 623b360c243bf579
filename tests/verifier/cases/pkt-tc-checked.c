// expect: accept
// why: tc reads checked packet bytes
#include "common.h"

SEC("tc") int prog(struct __sk_buff *skb) { unsigned char *d = (void *)(long)skb->data, *e = (void *)(long)skb->data_end; if (d + 2 > e) return 0; return d[1]; }
char LICENSE[] SEC("license") = "GPL";
