// section: xdp
// packets: all
/* Static subprograms (bpf-to-bpf calls, several levels deep, with stack arguments by pointer). */
#include "common.h"

struct parsed {
	__u16 proto;
	__u8 l4;
	__u8 ttl;
	__u32 offset;
};

static __attribute__((noinline)) int parse_eth(void *data, void *end, struct parsed *p)
{
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > end)
		return -1;
	p->proto = bpf_ntohs(eth->h_proto);
	p->offset = sizeof(*eth);
	return 0;
}

static __attribute__((noinline)) int parse_ip(void *data, void *end, struct parsed *p)
{
	struct iphdr *ip = data + sizeof(struct ethhdr);
	if ((void *)(ip + 1) > end)
		return -2;
	p->l4 = ip->protocol;
	p->ttl = ip->ttl;
	p->offset += ip->ihl * 4;
	return 0;
}

static __attribute__((noinline)) __u32 score(const struct parsed *p)
{
	return p->proto == ETH_P_IP ? p->l4 * 1000 + p->ttl + p->offset : p->proto;
}

SEC("xdp")
int xdp_subprog(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct parsed p = {};
	int err = parse_eth(data, end, &p);
	if (err)
		return 1000 - err;
	if (p.proto == ETH_P_IP) {
		err = parse_ip(data, end, &p);
		if (err)
			return 2000 - err;
	}
	return score(&p);
}
