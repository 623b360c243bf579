// expect: reject
// why: submitting releases the record: its pointer is dead afterwards
#include "common.h"

struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } rb SEC(".maps");
SEC("tracepoint/syscalls/sys_enter_execve")
int prog(void *ctx)
{
	__u32 *e = bpf_ringbuf_reserve(&rb, 8, 0);
	if (!e)
		return 0;
	bpf_ringbuf_submit(e, 0);
	*(volatile __u32 *)e = 1;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
