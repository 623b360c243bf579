// section: cgroup/skb
// packets: all
/*
 * The legacy SEC("cgroup/skb") name: IPv6 socket addresses from the context, a bounded loop summing
 * the first packet bytes through direct reads, and a per-CPU array of byte totals by family.
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, __u64);
} by_family SEC(".maps");

SEC("cgroup/skb")
int cgskb_v6_sum(struct __sk_buff *skb)
{
	__u8 *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	__u32 slot = skb->family == 2 ? 1 : skb->family == 10 ? 2 : 0;
	__u32 sum = 0;
	int i;

	for (i = 0; i < 48; i++) {
		if (data + i + 1 > end)
			break;
		sum += data[i];
	}
	if (slot == 2) {
		__u32 remote[4], local[4];

		for (i = 0; i < 4; i++) {
			remote[i] = skb->remote_ip6[i];
			local[i] = skb->local_ip6[i];
		}
		bpf_printk("v6 %pI6 -> %pI6", local, remote);
	}
	bpf_printk("family %u: %d bytes summed to %u", skb->family, i, sum);
	__u64 *total = bpf_map_lookup_elem(&by_family, &slot);
	if (total)
		*total += skb->len;
	return sum & 1;
}
