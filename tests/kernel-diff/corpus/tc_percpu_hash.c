// section: tc
// packets: all
/* Per-CPU hash counters keyed by EtherType, and a byte total; TC_ACT_SHOT for ARP. */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 8);
	__type(key, __u16);
	__type(value, __u64);
} per_type SEC(".maps");

SEC("tc")
int tc_percpu_hash(struct __sk_buff *skb)
{
	__u16 type = bpf_ntohs(skb->protocol);
	__u64 *v = bpf_map_lookup_elem(&per_type, &type);
	if (v) {
		*v += skb->len;
	} else {
		__u64 len = skb->len;
		bpf_map_update_elem(&per_type, &type, &len, BPF_NOEXIST);
	}
	return type == ETH_P_ARP ? TC_ACT_SHOT : TC_ACT_OK;
}
