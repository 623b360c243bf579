// cgroup_skb egress: count bytes per IP protocol with a global array, allow everything.
#include <stdbool.h>
#include <linux/bpf.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

__u64 bytes_by_proto[256] = {};
bool enabled = true;

SEC("cgroup_skb/egress")
int count_egress(struct __sk_buff *skb)
{
	__u8 proto = 0;

	if (!enabled)
		return 1;
	if (skb->protocol == bpf_htons(ETH_P_IP))
		bpf_skb_load_bytes(skb, __builtin_offsetof(struct iphdr, protocol), &proto, 1);
	else if (skb->protocol == bpf_htons(ETH_P_IPV6))
		bpf_skb_load_bytes(skb, __builtin_offsetof(struct ipv6hdr, nexthdr), &proto, 1);
	__sync_fetch_and_add(&bytes_by_proto[proto], skb->len);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
