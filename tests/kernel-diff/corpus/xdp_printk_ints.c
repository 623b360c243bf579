// section: xdp
// packets: ipv4-udp ipv4-tcp ipv6-udp arp short-14 short-10
/* bpf_printk with integer specifiers: %d %i %u %x %ld %lu %lld %llu %llx %lx, widths and padding. */
#include "common.h"

SEC("xdp")
int xdp_printk_ints(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	int len = end - data;
	__s64 neg = -(__s64)len * 1000000007LL;
	bpf_printk("len=%d neg=%i u=%u", len, -len, (__u32)-len);
	bpf_printk("hex=%x lld=%lld llx=%llx", len * 4096 + 0xab, neg, neg);
	bpf_printk("llu=%llu ld=%ld lu=%lu", (__u64)neg, neg >> 3, (__u64)len << 40);
	bpf_printk("pad=[%5d] [%-5d] [%05x]", len, len, len);
	bpf_printk("no args, 100%% literal");
	return XDP_PASS;
}
