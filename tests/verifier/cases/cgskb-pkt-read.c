// expect: accept
// why: cgroup_skb reads the packet through data/data_end, the socket's fields, and writes mark, cb and tstamp
#include "common.h"

SEC("cgroup_skb/ingress")
int prog(struct __sk_buff *skb)
{
	unsigned char *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	skb->mark = skb->family;
	skb->cb[4] = skb->remote_ip4 ^ skb->local_ip6[3];
	skb->tstamp = skb->hwtstamp + skb->local_port;
	if (data + 1 > end)
		return 0;
	return data[0] == 0x45;
}
char LICENSE[] SEC("license") = "GPL";
