/* Socket filter reading __sk_buff fields: keeps len bytes of IPv4, 0 of the rest, tags pkt_type. */
#include "common.h"

SEC("socket") int socket_len(struct __sk_buff *skb) {
  if (skb->protocol != htons(ETH_P_IP)) return skb->pkt_type;
  return skb->len + (skb->pkt_type << 16) + (skb->ifindex << 20);
}
