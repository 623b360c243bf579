// section: cgroup_skb/ingress
// packets: all
/*
 * A cgroup ingress firewall: parses the packet directly from skb->data (the IP header, Ethernet
 * already pulled), drops TCP port 22 and counts bytes per (L4 protocol, destination port).
 */
#include "common.h"

struct flow_key {
	__u8 proto;
	__u8 pad;
	__u16 dport;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, struct flow_key);
	__type(value, __u64);
} bytes_by_port SEC(".maps");

static __always_inline int dest_port(void *l4, void *end, __u8 proto)
{
	if (proto != IPPROTO_TCP && proto != IPPROTO_UDP)
		return 0;
	/* Both headers start with the source and destination ports. */
	if (l4 + 4 > end)
		return -1;
	return bpf_ntohs(((__be16 *)l4)[1]);
}

SEC("cgroup_skb/ingress")
int cgskb_port_filter(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	struct flow_key key = {};
	int port;

	if (skb->protocol == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = data;

		if ((void *)(ip + 1) > end)
			return 0;
		key.proto = ip->protocol;
		port = dest_port(data + ip->ihl * 4, end, ip->protocol);
	} else if (skb->protocol == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = data;

		if ((void *)(ip6 + 1) > end)
			return 0;
		key.proto = ip6->nexthdr;
		port = dest_port(ip6 + 1, end, ip6->nexthdr);
	} else {
		bpf_printk("not IP: proto %x, len %u", bpf_ntohs(skb->protocol), skb->len);
		return 1;
	}
	if (port < 0)
		return 0;
	key.dport = port;
	__u64 *bytes = bpf_map_lookup_elem(&bytes_by_port, &key);
	if (bytes)
		__sync_fetch_and_add(bytes, skb->len);
	else
		bpf_map_update_elem(&bytes_by_port, &key, &(__u64){ skb->len }, BPF_NOEXIST);
	if (key.proto == IPPROTO_TCP && port == 22) {
		bpf_printk("drop ssh from %pI4", &(__u32){ skb->local_ip4 });
		return 0;
	}
	return 1;
}
