// Socket filter: keep only TCP SYN (no ACK) packets on a raw packet socket; everything else is trimmed to 0.
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/tcp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} syn_count SEC(".maps");

SEC("socket")
int syn_only(struct __sk_buff *skb)
{
	struct tcphdr tcp;
	__u8 ihl_byte, proto;
	__u32 key = 0;
	__u64 *n;

	if (skb->pkt_type != PACKET_HOST || skb->protocol != bpf_htons(ETH_P_IP))
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + 9, &proto, 1) || proto != IPPROTO_TCP)
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &ihl_byte, 1))
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + (ihl_byte & 0xf) * 4, &tcp, sizeof(tcp)))
		return 0;
	if (!tcp.syn || tcp.ack)
		return 0;

	n = bpf_map_lookup_elem(&syn_count, &key);
	if (n)
		__sync_fetch_and_add(n, 1);
	return skb->len;
}

char _license[] SEC("license") = "GPL";
