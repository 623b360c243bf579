// tc ingress: rewrite the destination of TCP traffic to 10.0.0.2:8080 with bpf_skb_store_bytes and fix the IP and
// TCP checksums with bpf_l3_csum_replace / bpf_l4_csum_replace (the classic iproute2-examples pattern).
#include <stddef.h>
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/tcp.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define IP_CSUM_OFF (ETH_HLEN + offsetof(struct iphdr, check))
#define IP_DST_OFF (ETH_HLEN + offsetof(struct iphdr, daddr))
#define TCP_CSUM_OFF (ETH_HLEN + sizeof(struct iphdr) + offsetof(struct tcphdr, check))
#define TCP_DPORT_OFF (ETH_HLEN + sizeof(struct iphdr) + offsetof(struct tcphdr, dest))
#define IS_PSEUDO 0x10

static __always_inline void set_dst_ip(struct __sk_buff *skb, __be32 old_ip, __be32 new_ip)
{
	bpf_l4_csum_replace(skb, TCP_CSUM_OFF, old_ip, new_ip, IS_PSEUDO | sizeof(new_ip));
	bpf_l3_csum_replace(skb, IP_CSUM_OFF, old_ip, new_ip, sizeof(new_ip));
	bpf_skb_store_bytes(skb, IP_DST_OFF, &new_ip, sizeof(new_ip), 0);
}

static __always_inline void set_dst_port(struct __sk_buff *skb, __be16 old_port, __be16 new_port)
{
	bpf_l4_csum_replace(skb, TCP_CSUM_OFF, old_port, new_port, sizeof(new_port));
	bpf_skb_store_bytes(skb, TCP_DPORT_OFF, &new_port, sizeof(new_port), 0);
}

SEC("tc")
int dnat(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = data + sizeof(*eth);
	struct tcphdr *tcp = data + sizeof(*eth) + sizeof(*iph);
	__be32 old_ip;
	__be16 old_port;

	if ((void *)(tcp + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->protocol != IPPROTO_TCP || iph->ihl != 5)
		return TC_ACT_OK;
	if (tcp->dest != bpf_htons(80))
		return TC_ACT_OK;

	old_ip = iph->daddr;
	old_port = tcp->dest;
	set_dst_ip(skb, old_ip, bpf_htonl(0x0a000002));
	set_dst_port(skb, old_port, bpf_htons(8080));
	return TC_ACT_OK;
}

char __license[] SEC("license") = "GPL";
