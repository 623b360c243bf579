/* Packet rewrite: swap MACs, decrement the IPv4 TTL with an incremental checksum update, XDP_TX. */
#include "common.h"

SEC("xdp") int xdp_rewrite(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data;
  void *data_end = (void *)(long)ctx->data_end;
  struct ethhdr *eth = data;
  if ((void *)(eth + 1) > data_end) return XDP_DROP;
  __u8 tmp[ETH_ALEN];
  __builtin_memcpy(tmp, eth->h_source, ETH_ALEN);
  __builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
  __builtin_memcpy(eth->h_dest, tmp, ETH_ALEN);
  if (eth->h_proto != htons(ETH_P_IP)) return XDP_PASS;
  struct iphdr *ip = (void *)(eth + 1);
  if ((void *)(ip + 1) > data_end) return XDP_DROP;
  if (ip->ttl <= 1) return XDP_DROP;
  ip->ttl--;
  __u32 check = ip->check + htons(0x0100);
  ip->check = (__u16)(check + (check >> 16));
  return XDP_TX;
}
