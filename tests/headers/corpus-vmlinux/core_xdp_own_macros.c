// vmlinux.h in a networking program: the struct types come from vmlinux.h while the constants that are macros in
// the kernel (ETH_P_IP, TC_ACT_OK...) are defined by the program, as real CO-RE programs do.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86DD
#define TC_ACT_OK 0
#define TC_ACT_SHOT 2

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, u32);
	__type(value, u64);
} families SEC(".maps");

SEC("xdp")
int xdp_families(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	u32 key;
	u64 *n;

	if ((void *)(eth + 1) > data_end)
		return XDP_ABORTED;
	if (eth->h_proto == bpf_htons(ETH_P_IP))
		key = 0;
	else if (eth->h_proto == bpf_htons(ETH_P_IPV6))
		key = 1;
	else
		return XDP_PASS;
	n = bpf_map_lookup_elem(&families, &key);
	if (n)
		__sync_fetch_and_add(n, 1);
	return XDP_PASS;
}

SEC("tc")
int tc_drop_fragments(struct __sk_buff *skb)
{
	struct iphdr iph;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	if (bpf_skb_load_bytes(skb, sizeof(struct ethhdr), &iph, sizeof(iph)))
		return TC_ACT_OK;
	if (iph.protocol == IPPROTO_UDP && (bpf_ntohs(iph.frag_off) & 0x1fff))
		return TC_ACT_SHOT;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
