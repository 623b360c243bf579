// section: xdp
// packets: all
/* bpf_printk with %pI4, %pI6, %s and %c on packet bytes and strings. */
#include "common.h"

static const char names[3][8] = { "udp", "tcp", "other" };

SEC("xdp")
int xdp_printk_addr(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > end)
		return XDP_PASS;
	if (eth->h_proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = (void *)(eth + 1);
		if ((void *)(ip + 1) > end)
			return XDP_PASS;
		__u32 i = ip->protocol == IPPROTO_UDP ? 0 : ip->protocol == IPPROTO_TCP ? 1 : 2;
		char flag = ip->ttl > 32 ? 'Y' : 'n';
		bpf_printk("%pI4 -> %pI4", &ip->saddr, &ip->daddr);
		bpf_printk("proto %s ttl-ok %c", names[i], flag);
	} else if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = (void *)(eth + 1);
		if ((void *)(ip6 + 1) > end)
			return XDP_PASS;
		bpf_printk("v6 %pI6 -> %pI6c", &ip6->saddr, &ip6->daddr);
	} else {
		bpf_printk("ethertype %x from %c%c", bpf_ntohs(eth->h_proto), 'm', 'a');
	}
	return XDP_PASS;
}
