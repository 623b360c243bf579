// XDP: answer ICMP echo requests in place (swap MACs and addresses, fix the checksum) and bounce with XDP_TX.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/icmp.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

static __always_inline __u16 csum_fold_helper(__u32 csum)
{
	csum = (csum & 0xffff) + (csum >> 16);
	return ~((csum & 0xffff) + (csum >> 16));
}

static __always_inline void swap_mac(struct ethhdr *eth)
{
	unsigned char tmp[ETH_ALEN];

	__builtin_memcpy(tmp, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, tmp, ETH_ALEN);
}

SEC("xdp")
int xdp_pong(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	struct iphdr *iph = data + sizeof(*eth);
	struct icmphdr *icmp = data + sizeof(*eth) + sizeof(*iph);
	struct icmphdr old;
	__be32 addr;
	__u32 csum;

	if ((void *)(icmp + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->ihl != 5 || iph->protocol != IPPROTO_ICMP)
		return XDP_PASS;
	if (icmp->type != ICMP_ECHO || icmp->code != 0)
		return XDP_PASS;

	swap_mac(eth);
	addr = iph->saddr;
	iph->saddr = iph->daddr;
	iph->daddr = addr;
	iph->ttl = IPDEFTTL;

	old = *icmp;
	icmp->type = ICMP_ECHOREPLY;
	icmp->checksum = 0;
	csum = bpf_csum_diff((__be32 *)&old, sizeof(old), (__be32 *)icmp, sizeof(*icmp), ~old.checksum & 0xffff);
	icmp->checksum = csum_fold_helper(csum);
	return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
