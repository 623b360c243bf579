// section: socket
// packets: all
/* Counts per L4 protocol (bpf_skb_load_bytes of the IPv4 protocol byte) in an array; keeps whole packets. */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u32);
} l4 SEC(".maps");

SEC("socket")
int sock_counter(struct __sk_buff *skb)
{
	__u8 proto = 255;
	if (skb->protocol == bpf_htons(ETH_P_IP) &&
	    bpf_skb_load_bytes(skb, offsetof(struct iphdr, protocol), &proto, 1))
		proto = 254;
	__u32 key = proto;
	__u32 *v = bpf_map_lookup_elem(&l4, &key);
	if (v)
		__sync_fetch_and_add(v, 1);
	return skb->len;
}
