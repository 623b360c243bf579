// section: socket
// packets: all
/* A hash keyed by destination port with BPF_NOEXIST/BPF_EXIST update flags and a delete of port 22. */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, __u16);
	__type(value, __s32);
} ports SEC(".maps");

SEC("socket")
int sock_hash_ports(struct __sk_buff *skb)
{
	__u8 proto = 0;
	__be16 dport = 0;
	if (skb->protocol != bpf_htons(ETH_P_IP))
		return 0;
	if (bpf_skb_load_bytes(skb, 9, &proto, 1) || bpf_skb_load_bytes(skb, 22, &dport, 2))
		return 1;
	__u16 key = bpf_ntohs(dport);
	__s32 one = 1;
	__s32 first = bpf_map_update_elem(&ports, &key, &one, BPF_NOEXIST);
	__s32 again = bpf_map_update_elem(&ports, &key, &first, BPF_EXIST);
	__u16 missing = 9;
	__s32 del = bpf_map_delete_elem(&ports, &missing);
	if (key == 22)
		bpf_map_delete_elem(&ports, &key);
	return (first & 0xff) << 16 | (again & 0xff) << 8 | (del & 0xff);
}
