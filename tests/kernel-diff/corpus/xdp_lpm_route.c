// section: xdp
// packets: all
/* Longest-prefix match on the IPv4 source: the program installs its own routes on first use. */
#include "common.h"

struct lpm_v4 {
	__u32 prefixlen;
	__u32 addr;
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 16);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct lpm_v4);
	__type(value, __u32);
} routes SEC(".maps");

static __always_inline void add(__u32 len, __u32 addr, __u32 action)
{
	struct lpm_v4 k = { .prefixlen = len, .addr = bpf_htonl(addr) };
	bpf_map_update_elem(&routes, &k, &action, BPF_NOEXIST);
}

SEC("xdp")
int xdp_lpm_route(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	add(8, 0x0a000000, XDP_PASS);        /* 10.0.0.0/8 */
	add(16, 0xc0a80000, XDP_DROP);       /* 192.168.0.0/16 */
	add(24, 0xc0a80100, XDP_TX);         /* 192.168.1.0/24 */
	add(32, 0x0a010203, XDP_ABORTED);    /* 10.1.2.3/32 */
	if ((void *)(ip + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	struct lpm_v4 k = { .prefixlen = 32, .addr = ip->saddr };
	__u32 *action = bpf_map_lookup_elem(&routes, &k);
	return action ? *action : XDP_PASS;
}
