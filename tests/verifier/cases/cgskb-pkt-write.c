// expect: reject
// why: cgroup_skb may read the packet directly but not write it
#include "common.h"

SEC("cgroup_skb/ingress")
int prog(struct __sk_buff *skb)
{
	unsigned char *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 1 > end)
		return 0;
	data[0] = 0;
	return 1;
}
char LICENSE[] SEC("license") = "GPL";
