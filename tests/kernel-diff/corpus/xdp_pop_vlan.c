// section: xdp
// packets: all
/* Removes an 802.1Q tag with bpf_xdp_adjust_head (MACs move 4 bytes forward); other frames get a tag pushed. */
#include "common.h"

SEC("xdp")
int xdp_pop_vlan(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	if ((void *)(eth + 1) + sizeof(struct vlan_hdr) > end)
		return XDP_PASS;
	if (eth->h_proto == bpf_htons(ETH_P_8021Q)) {
		struct vlan_hdr *vh = (void *)(eth + 1);
		__be16 inner = vh->proto;
		unsigned char macs[12];
		__builtin_memcpy(macs, data, 12);
		if (bpf_xdp_adjust_head(ctx, (int)sizeof(struct vlan_hdr)))
			return XDP_ABORTED;
		data = (void *)(long)ctx->data;
		end = (void *)(long)ctx->data_end;
		eth = data;
		if ((void *)(eth + 1) > end)
			return XDP_ABORTED;
		__builtin_memcpy(eth->h_dest, macs, 12);
		eth->h_proto = inner;
		return XDP_TX;
	}
	/* Push a tag with VID 7 in front of everything else. */
	if (bpf_xdp_adjust_head(ctx, -(int)sizeof(struct vlan_hdr)))
		return XDP_ABORTED;
	data = (void *)(long)ctx->data;
	end = (void *)(long)ctx->data_end;
	eth = data;
	struct vlan_hdr *vh = (void *)(eth + 1);
	if ((void *)(vh + 1) > end)
		return XDP_ABORTED;
	__builtin_memmove(data, data + 4, 12);
	vh->proto = eth->h_proto;
	vh->tci = bpf_htons(7);
	eth->h_proto = bpf_htons(ETH_P_8021Q);
	return XDP_PASS;
}
