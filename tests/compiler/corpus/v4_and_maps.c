/* cpu v4 instructions (sign extension, sdiv, bswap), ringbuf, prog array tail call, switch, bounded loop. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} jumps SEC(".maps");

struct event { __s64 q; __u32 saddr; __u16 proto; };

SEC("xdp")
int parse(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > end)
		return XDP_ABORTED;
	struct iphdr *ip = (void *)(eth + 1);
	if (eth->h_proto != bpf_htons(ETH_P_IP) || (void *)(ip + 1) > end)
		return XDP_PASS;
	__s8 ttl = (__s8)ip->ttl;
	__s64 q = (__s64)ttl / (__s64)(ip->ihl | 1);
	__u32 h = 0;
	for (int i = 0; i < 16; i++)
		h = h * 31 + ((ip->saddr >> i) & 1);
	struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (e) {
		e->q = q + h;
		e->saddr = bpf_ntohl(ip->saddr);
		e->proto = ip->protocol;
		bpf_ringbuf_submit(e, 0);
	}
	switch (ip->protocol) {
	case 1: bpf_tail_call(ctx, &jumps, 0); break;
	case 6: return XDP_TX;
	case 17: return XDP_DROP;
	case 58: return XDP_REDIRECT;
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
