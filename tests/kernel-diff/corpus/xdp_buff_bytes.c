// section: xdp
// packets: ipv4-udp ipv6-tcp arp short-14
/*
 * bpf_xdp_get_buff_len, bpf_xdp_load_bytes and bpf_xdp_store_bytes: in-range copies, ranges past
 * the end (refused; what the buffer holds then), and the length after adjust_tail and adjust_meta.
 */
#include "common.h"

SEC("xdp")
int xdp_buff_bytes(struct xdp_md *ctx)
{
	__u8 mac[6] = { 1, 2, 3, 4, 5, 6 };
	__u8 buf[8] = { 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa };
	__u32 len = bpf_xdp_get_buff_len(ctx);
	long a = bpf_xdp_load_bytes(ctx, 6, buf, 6);
	bpf_printk("len=%u load=%ld %02x%02x%02x", len, a, buf[0], buf[1], buf[5]);
	long b = bpf_xdp_load_bytes(ctx, len - 4, buf, 8);
	bpf_printk("load past end=%ld %02x%02x", b, buf[0], buf[7]);
	long c = bpf_xdp_store_bytes(ctx, 6, mac, sizeof(mac));
	long d = bpf_xdp_store_bytes(ctx, len - 2, mac, sizeof(mac));
	long e = bpf_xdp_load_bytes(ctx, 0x10000, buf, 1);
	bpf_printk("store=%ld past end=%ld huge offset=%ld", c, d, e);
	bpf_xdp_adjust_tail(ctx, -4);
	bpf_xdp_adjust_meta(ctx, -8);
	bpf_printk("after adjust: len=%u", bpf_xdp_get_buff_len(ctx));
	return XDP_PASS;
}
