// section: socket
// packets: all
/* A socket filter's return value is the number of bytes to keep: IPv4 keeps 40, IPv6 everything, others none. */
#include "common.h"

SEC("socket")
int sock_keep_len(struct __sk_buff *skb)
{
	if (skb->protocol == bpf_htons(ETH_P_IP))
		return 40;
	if (skb->protocol == bpf_htons(ETH_P_IPV6))
		return skb->len;
	return 0;
}
