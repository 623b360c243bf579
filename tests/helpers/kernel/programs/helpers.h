/* Shared by the helper differential programs: the corpus headers plus a results array. */
#include "common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __s64);
} res SEC(".maps");

/* res[i] = v: each call's return value lands in the map the test compares. */
static __always_inline void rec(__u32 i, __s64 v)
{
	__s64 *slot = bpf_map_lookup_elem(&res, &i);
	if (slot)
		*slot = v;
}
