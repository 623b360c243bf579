// expect: accept
// why: ringbuf_reserve memory is usable after the null check up to its size, then submitted
#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } rb SEC(".maps");
SEC("tracepoint/syscalls/sys_enter_execve")
int prog(void *ctx)
{
	__u64 *e = bpf_ringbuf_reserve(&rb, 16, 0);
	if (!e)
		return 0;
	e[0] = 1;
	e[1] = 2;
	bpf_ringbuf_submit(e, 0);
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
