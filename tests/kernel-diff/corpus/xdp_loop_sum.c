// section: xdp
// packets: all
/* A bounded loop over up to 64 packet bytes: a 16-bit one's complement sum, plus a byte histogram. */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} hist SEC(".maps");

SEC("xdp")
int xdp_loop_sum(struct xdp_md *ctx)
{
	__u8 *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	__u32 sum = 0;
	for (int i = 0; i < 64; i++) {
		if (data + i + 1 > end)
			break;
		__u8 b = data[i];
		sum += (i & 1) ? b : (__u32)b << 8;
		__u32 k = b >> 5;
		__u32 *h = bpf_map_lookup_elem(&hist, &k);
		if (h)
			*h += 1;
	}
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}
