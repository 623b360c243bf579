/* A switch over the EtherType and IP protocol: many branches, a lookup table on the stack. */
#include "common.h"

SEC("xdp") int xdp_switch(struct xdp_md *ctx) {
  __u8 *p = (void *)(long)ctx->data;
  __u8 *end = (void *)(long)ctx->data_end;
  if (p + 24 > end) return 0;
  /* Filled by stores, not an initializer: a constant initializer would become .rodata (a map). */
  volatile __u8 table[8];
  table[0] = 3; table[1] = 1; table[2] = 4; table[3] = 1;
  table[4] = 5; table[5] = 9; table[6] = 2; table[7] = 6;
  __u32 score = table[p[23] & 7];
  switch (ntohs(*(__u16 *)(p + 12))) {
  case ETH_P_IP:
    score += 100;
    break;
  case ETH_P_IPV6:
    score += 200;
    break;
  case ETH_P_ARP:
    score += 300;
    break;
  default:
    score += 400;
  }
  switch (p[23]) {
  case IPPROTO_TCP: return score + 6000;
  case IPPROTO_UDP: return score + 17000;
  case IPPROTO_ICMP: return score + 1000;
  }
  return score;
}
