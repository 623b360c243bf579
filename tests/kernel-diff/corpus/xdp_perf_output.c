// section: xdp
// loader: libbpf
// packets: ipv4-udp ipv4-tcp arp short-14 ipv6-udp
/*
 * bpf_perf_event_output to the current CPU's event (user space opened one per CPU): a 5-byte
 * record (the kernel pads perf samples to 8 bytes with their size word), and a record carrying
 * the first 16 packet bytes after it (the packet length in the flags' upper half). An explicit
 * index naming another CPU's event fails with -EOPNOTSUPP.
 */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} samples SEC(".maps");

SEC("xdp")
int xdp_perf_output(struct xdp_md *ctx)
{
	char small[5] = { 'p', 'e', 'r', 'f', 0 };
	__u32 len = ctx->data_end - ctx->data;
	small[4] = len;
	long a = bpf_perf_event_output(ctx, &samples, BPF_F_CURRENT_CPU, small, sizeof(small));
	__u64 with_packet = BPF_F_CURRENT_CPU | ((__u64)16 << 32);
	long b = bpf_perf_event_output(ctx, &samples, with_packet, &len, sizeof(len));
	long c = bpf_perf_event_output(ctx, &samples, 1, small, sizeof(small));
	bpf_printk("perf outputs: %ld %ld %ld", a, b, c);
	return XDP_PASS;
}
