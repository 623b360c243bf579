// XDP: count ICMPv6 echo requests per source address (LRU hash), pass everything.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ipv6.h>
#include <linux/in.h>
#include <linux/icmpv6.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, struct in6_addr);
	__type(value, __u64);
} echo_requests SEC(".maps");

static __always_inline int parse_icmp6(void *data, void *data_end, struct in6_addr *src)
{
	struct ethhdr *eth = data;
	struct ipv6hdr *ip6 = (void *)(eth + 1);
	struct icmp6hdr *icmp6 = (void *)(ip6 + 1);

	if ((void *)(icmp6 + 1) > data_end)
		return -1;
	if (eth->h_proto != bpf_htons(ETH_P_IPV6) || ip6->nexthdr != IPPROTO_ICMPV6)
		return -1;
	if (icmp6->icmp6_type != ICMPV6_ECHO_REQUEST)
		return -1;
	__builtin_memcpy(src, &ip6->saddr, sizeof(*src));
	return bpf_ntohs(icmp6->icmp6_sequence);
}

SEC("xdp")
int count_echo(struct xdp_md *ctx)
{
	struct in6_addr src;
	__u64 one = 1, *n;

	if (parse_icmp6((void *)(long)ctx->data, (void *)(long)ctx->data_end, &src) < 0)
		return XDP_PASS;
	n = bpf_map_lookup_elem(&echo_requests, &src);
	if (n)
		__sync_fetch_and_add(n, 1);
	else
		bpf_map_update_elem(&echo_requests, &src, &one, BPF_NOEXIST);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
