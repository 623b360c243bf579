// XDP: skip up to two VLAN tags, then drop IPv4 sources found in an LPM-trie blocklist.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define MAX_VLAN_DEPTH 2

struct vlan_hdr {
	__be16 h_vlan_TCI;
	__be16 h_vlan_encapsulated_proto;
};

struct ipv4_lpm_key {
	__u32 prefixlen;
	__u32 addr;
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__type(key, struct ipv4_lpm_key);
	__type(value, __u32);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 1024);
} blocklist SEC(".maps");

static __always_inline int proto_is_vlan(__u16 h_proto)
{
	return h_proto == bpf_htons(ETH_P_8021Q) || h_proto == bpf_htons(ETH_P_8021AD);
}

SEC("xdp")
int xdp_blocklist(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	void *data = (void *)(long)ctx->data;
	struct ethhdr *eth = data;
	void *cursor = eth + 1;
	__u16 proto;
	int i;

	if (cursor > data_end)
		return XDP_PASS;
	proto = eth->h_proto;

#pragma unroll
	for (i = 0; i < MAX_VLAN_DEPTH; i++) {
		struct vlan_hdr *vlh = cursor;

		if (!proto_is_vlan(proto))
			break;
		if ((void *)(vlh + 1) > data_end)
			return XDP_PASS;
		proto = vlh->h_vlan_encapsulated_proto;
		cursor = vlh + 1;
	}

	if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *iph = cursor;
		struct ipv4_lpm_key key = { .prefixlen = 32 };

		if ((void *)(iph + 1) > data_end)
			return XDP_ABORTED;
		key.addr = iph->saddr;
		if (bpf_map_lookup_elem(&blocklist, &key))
			return XDP_DROP;
	}
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
