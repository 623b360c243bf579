// section: socket
// packets: all
/* Legacy LD_ABS/LD_IND loads (offsets from the network header for socket filters). */
#include "common.h"

unsigned long long load_byte(void *skb, unsigned long long off) asm("llvm.bpf.load.byte");
unsigned long long load_half(void *skb, unsigned long long off) asm("llvm.bpf.load.half");
unsigned long long load_word(void *skb, unsigned long long off) asm("llvm.bpf.load.word");

SEC("socket")
int sock_ldabs(struct __sk_buff *skb)
{
	if (skb->protocol != bpf_htons(ETH_P_IP))
		return load_half(skb, 0); /* whatever the first two bytes are */
	__u32 ihl = (load_byte(skb, 0) & 0xf) * 4;
	__u32 proto = load_byte(skb, 9);
	__u32 ports = load_word(skb, ihl);
	/* Past the end: the program stops and returns 0. */
	__u32 far = load_byte(skb, 5000);
	return (proto << 24) ^ ports ^ far;
}
