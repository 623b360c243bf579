// section: xdp
// packets: all
/* Atomic add/or/and/xor with and without fetch, xchg and cmpxchg on a map value. */
#include "common.h"

struct vals {
	__u64 add;
	__u64 or;
	__u64 and;
	__u64 xor;
	__u64 xchg;
	__u64 cmpxchg;
	__u32 add32;
	__u32 fetched;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct vals);
} atom SEC(".maps");

SEC("xdp")
int xdp_atomics(struct xdp_md *ctx)
{
	__u32 k = 0;
	struct vals *v = bpf_map_lookup_elem(&atom, &k);
	if (!v)
		return XDP_ABORTED;
	__u64 len = ctx->data_end - ctx->data;
	__sync_fetch_and_add(&v->add, len);
	__u64 old_or = __sync_fetch_and_or(&v->or, 1ULL << (len & 63));
	if (v->and == 0)
		v->and = ~0ULL;
	__sync_fetch_and_and(&v->and, ~(1ULL << (len & 31)));
	__u64 old_xor = __sync_fetch_and_xor(&v->xor, len * 0x0101010101ULL);
	__u64 prev = __sync_lock_test_and_set(&v->xchg, len);
	__sync_val_compare_and_swap(&v->cmpxchg, prev, len);
	v->fetched = __sync_fetch_and_add(&v->add32, 3);
	return (old_or ^ old_xor ^ prev) & 0xff;
}
