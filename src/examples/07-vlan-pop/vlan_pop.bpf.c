// SPDX-License-Identifier: GPL-2.0
/*
 * Remove an 802.1Q VLAN tag in XDP. The tag sits between the MAC addresses and the EtherType,
 * so the program moves the 12 address bytes 4 bytes forward, over the tag, and then tells the
 * kernel that the packet starts 4 bytes later with bpf_xdp_adjust_head(ctx, 4).
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct vlan_hdr {
	__be16 h_vlan_TCI;                /* priority (3 bits), DEI (1), VLAN id (12) */
	__be16 h_vlan_encapsulated_proto; /* the EtherType of what follows */
};

SEC("xdp")
int vlan_pop(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct vlan_hdr *vlan;
	unsigned char macs[2 * ETH_ALEN];

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_8021Q))
		return XDP_PASS;
	vlan = (void *)(eth + 1);
	if ((void *)(vlan + 1) > data_end)
		return XDP_PASS;

	bpf_printk("popping VLAN %d", bpf_ntohs(vlan->h_vlan_TCI) & 0x0fff);

	/* The new Ethernet header ends where the tag ends: its EtherType is already there. */
	__builtin_memcpy(macs, eth, sizeof(macs));
	if (bpf_xdp_adjust_head(ctx, (int)sizeof(*vlan)))
		return XDP_ABORTED;

	/* adjust_head moved data: every packet pointer must be loaded and checked again. */
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	eth = data;
	if ((void *)(eth + 1) > data_end)
		return XDP_ABORTED;
	__builtin_memcpy(eth, macs, sizeof(macs));
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
