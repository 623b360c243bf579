// SPDX-License-Identifier: GPL-2.0
/*
 * Drop packets from blocked IPv4 networks. An LPM (longest prefix match) trie holds prefixes
 * such as 192.168.0.0/16; a lookup with prefixlen 32 finds the longest stored prefix that
 * covers the source address, exactly like a routing table.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct ipv4_lpm_key {
	__u32 prefixlen; /* bits of `addr` that matter */
	__u32 addr;      /* network byte order */
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__type(key, struct ipv4_lpm_key);
	__type(value, __u32); /* a rule number, to say which rule matched */
	__uint(map_flags, BPF_F_NO_PREALLOC); /* LPM tries require it */
	__uint(max_entries, 1024);
} blocklist SEC(".maps");

SEC("xdp")
int lpm_blocklist(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip;
	struct ipv4_lpm_key key;
	__u32 *rule;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end)
		return XDP_PASS;

	key.prefixlen = 32;
	key.addr = ip->saddr;
	rule = bpf_map_lookup_elem(&blocklist, &key);
	if (rule) {
		bpf_printk("rule %u blocks %pI4", *rule, &ip->saddr);
		return XDP_DROP;
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
