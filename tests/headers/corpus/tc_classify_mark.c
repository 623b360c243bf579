// tc egress (direct action): classify by DSCP into tc classes, mark, and drop oversize UDP.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} dscp_to_minor SEC(".maps");

SEC("tc")
int classify(struct __sk_buff *skb)
{
	struct iphdr iph;
	__u32 dscp, *minor;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_PIPE;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &iph, sizeof(iph)) < 0)
		return TC_ACT_PIPE;

	if (iph.protocol == IPPROTO_UDP && skb->len > 1400)
		return TC_ACT_SHOT;

	dscp = (iph.tos & IPTOS_TOS_MASK) >> 2;
	minor = bpf_map_lookup_elem(&dscp_to_minor, &dscp);
	if (minor) {
		skb->tc_classid = TC_H_MAKE(1 << 16, *minor);
		skb->mark = 0x100 | dscp;
		skb->priority = TC_PRIO_INTERACTIVE;
	}
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
