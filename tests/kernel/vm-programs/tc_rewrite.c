/* TC classifier with direct packet access: rewrites the IPv4 TOS byte and returns TC_ACT_OK. */
#include "common.h"

SEC("tc") int tc_rewrite(struct __sk_buff *skb) {
  void *data = (void *)(long)skb->data;
  void *data_end = (void *)(long)skb->data_end;
  struct ethhdr *eth = data;
  if ((void *)(eth + 1) > data_end) return 2;
  if (eth->h_proto != htons(ETH_P_IP)) return 1;
  struct iphdr *ip = (void *)(eth + 1);
  if ((void *)(ip + 1) > data_end) return 2;
  ip->tos = 0xb8;
  skb->mark = 42;
  return skb->mark == 42 ? 0 : 3;
}
