/* Classic XDP parser: Ethernet -> IPv4/IPv6 -> TCP/UDP; drops UDP port 53 and TCP port 22. */
#include "common.h"

SEC("xdp") int xdp_parse(struct xdp_md *ctx) {
  void *data = (void *)(long)ctx->data;
  void *data_end = (void *)(long)ctx->data_end;
  struct ethhdr *eth = data;
  if ((void *)(eth + 1) > data_end) return XDP_ABORTED;
  __u16 proto = eth->h_proto;
  void *l4;
  __u8 ipproto;
  if (proto == htons(ETH_P_IP)) {
    struct iphdr *ip = (void *)(eth + 1);
    if ((void *)(ip + 1) > data_end) return XDP_DROP;
    if (ip->ihl < 5) return XDP_DROP;
    l4 = (void *)ip + ip->ihl * 4;
    ipproto = ip->protocol;
  } else if (proto == htons(ETH_P_IPV6)) {
    struct ipv6hdr *ip6 = (void *)(eth + 1);
    if ((void *)(ip6 + 1) > data_end) return XDP_DROP;
    l4 = ip6 + 1;
    ipproto = ip6->nexthdr;
  } else {
    return XDP_PASS;
  }
  if (ipproto == IPPROTO_UDP) {
    struct udphdr *udp = l4;
    if ((void *)(udp + 1) > data_end) return XDP_DROP;
    return udp->dest == htons(53) ? XDP_DROP : XDP_PASS;
  }
  if (ipproto == IPPROTO_TCP) {
    struct tcphdr *tcp = l4;
    if ((void *)(tcp + 1) > data_end) return XDP_DROP;
    return tcp->dest == htons(22) ? XDP_DROP : XDP_TX;
  }
  return XDP_PASS;
}
