// section: socket
// loader: libbpf
// program: sock_tail_call
// packets: ipv4-udp ipv4-tcp ipv6-udp arp
/*
 * Tail calls between socket filters: the target decides how many bytes to keep, reading the
 * packet with LD_ABS (load_byte) from the network header as the entry program does; the slot is
 * the IPv4 protocol, other packets fall through.
 */
#include "common.h"

unsigned long long load_byte(void *skb, unsigned long long off) asm("llvm.bpf.load.byte");

__u32 kept;

SEC("socket")
int keep_udp(struct __sk_buff *skb)
{
	kept += skb->len;
	return 28 + load_byte(skb, 0) - 0x45;
}

SEC("socket")
int keep_tcp(struct __sk_buff *skb)
{
	return skb->len - 1;
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 32);
	__uint(key_size, sizeof(__u32));
	__array(values, int (void *));
} filters SEC(".maps") = {
	.values = { [IPPROTO_UDP] = (void *)&keep_udp, [IPPROTO_TCP] = (void *)&keep_tcp },
};

SEC("socket")
int sock_tail_call(struct __sk_buff *skb)
{
	if (skb->protocol == bpf_htons(ETH_P_IP))
		bpf_tail_call(skb, &filters, load_byte(skb, 9));
	return 0;
}
