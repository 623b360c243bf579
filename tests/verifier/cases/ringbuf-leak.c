// expect: reject
// why: a reserved record not submitted or discarded on every path is a reference leak
#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } rb SEC(".maps");
SEC("tracepoint/syscalls/sys_enter_execve")
int prog(void *ctx)
{
	__u64 *e = bpf_ringbuf_reserve(&rb, 8, 0);
	if (!e)
		return 0;
	*e = 1;
	if (bpf_get_prandom_u32() & 1)
		bpf_ringbuf_submit(e, 0);
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
