// expect: accept
// why: a counter only stored into a map value and printed does not keep loop states apart
#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __type(key, __u32); __type(value, __u64); __uint(max_entries, 1); } m SEC(".maps");

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	unsigned char *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	__u32 key = 0, n = 0;
	__u64 *v;
#pragma clang loop unroll(disable)
	for (int i = 0; i < 48; i++) {
		if (data + i + 1 > end)
			break;
		if (data[i] >= 'a' && data[i] <= 'z')
			n++;
		if (data[i] == '0')
			n += 2;
	}
	v = bpf_map_lookup_elem(&m, &key);
	if (v)
		*v += n;
	return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
