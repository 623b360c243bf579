// section: xdp
// packets: ipv4-udp ipv4-tcp arp
/*
 * bpf_redirect from XDP: XDP_REDIRECT for an ifindex, and the helper's answer to any flags (XDP
 * accepts none); the run's retval is what the helper returned.
 */
#include "common.h"

SEC("xdp")
int xdp_redirect(struct xdp_md *ctx)
{
	long bad = bpf_redirect(1, 1);
	bpf_printk("flags=1: %ld", bad);
	if (ctx->data_end - ctx->data > 60)
		return bad;
	return bpf_redirect(1, 0);
}
