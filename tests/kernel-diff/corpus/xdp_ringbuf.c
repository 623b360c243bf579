// section: xdp
// loader: libbpf
// packets: all
/*
 * Ring buffer records compared byte for byte: a reserved record filled from the packet and
 * submitted (discarded for ARP), a bpf_ringbuf_output of an odd-sized stack buffer, and what
 * bpf_ringbuf_query reports while the records are still unconsumed (and the positions after).
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

struct event {
	__u32 len;
	__u16 proto;
	__u8 head[18];
};

SEC("xdp")
int xdp_ringbuf(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) > end)
		return XDP_ABORTED;
	struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return XDP_DROP;
	__u16 proto = bpf_ntohs(eth->h_proto);
	e->len = end - data;
	e->proto = proto;
	__builtin_memset(e->head, 0, sizeof(e->head));
	if (data + 32 <= end)
		__builtin_memcpy(e->head, data + 14, sizeof(e->head));
	if (proto == ETH_P_ARP)
		bpf_ringbuf_discard(e, 0);
	else
		bpf_ringbuf_submit(e, 0);

	char tag[7] = { 't', 'a', 'g', 0, 0, 0, 0 };
	tag[3] = proto == ETH_P_IP ? '4' : '?';
	long err = bpf_ringbuf_output(&events, tag, sizeof(tag), BPF_RB_NO_WAKEUP);
	bpf_printk("output=%ld avail=%lu size=%lu", err, bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA),
		   bpf_ringbuf_query(&events, BPF_RB_RING_SIZE));
	/* Positions grow across runs: user space consumed the earlier runs' records. */
	bpf_printk("consumer=%lu producer=%lu", bpf_ringbuf_query(&events, BPF_RB_CONS_POS),
		   bpf_ringbuf_query(&events, BPF_RB_PROD_POS));
	return XDP_PASS;
}
