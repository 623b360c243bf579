/* Classic-style socket filter with LD_ABS/LD_IND: accept UDP to port 53, else drop. */
#include "common.h"

unsigned long long load_byte(void *skb, unsigned long long off) asm("llvm.bpf.load.byte");
unsigned long long load_half(void *skb, unsigned long long off) asm("llvm.bpf.load.half");
unsigned long long load_word(void *skb, unsigned long long off) asm("llvm.bpf.load.word");

SEC("socket") int socket_ldabs(struct __sk_buff *skb) {
  /* Offsets are from skb->data, which for a socket filter is the IPv4 header. */
  if ((load_byte(skb, 0) >> 4) != 4) return 0;
  if (load_byte(skb, 9) != IPPROTO_UDP) return 1;
  __u32 ihl = (load_byte(skb, 0) & 0xf) * 4;
  __u32 port = load_half(skb, ihl + 2);
  __u32 src = load_word(skb, 12);
  return port == 53 ? 0xffff : (src & 0xff) + 2;
}
