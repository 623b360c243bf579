// Old-style kprobe without the wrapper macros: PT_REGS_PARM1/PT_REGS_RC and a perf event array.
#include <linux/types.h>
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct connect_event {
	__u64 ts;
	__u64 sk;
	__u32 pid;
	int ret;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} connects SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u64);
	__type(value, __u64);
} inflight SEC(".maps");

SEC("kprobe/tcp_v4_connect")
int tcp_connect_entry(struct pt_regs *ctx)
{
	__u64 id = bpf_get_current_pid_tgid();
	__u64 sk = (__u64)PT_REGS_PARM1(ctx);

	bpf_map_update_elem(&inflight, &id, &sk, BPF_ANY);
	return 0;
}

SEC("kretprobe/tcp_v4_connect")
int tcp_connect_return(struct pt_regs *ctx)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct connect_event ev = {};
	__u64 *skp = bpf_map_lookup_elem(&inflight, &id);

	if (!skp)
		return 0;
	ev.ts = bpf_ktime_get_ns();
	ev.sk = *skp;
	ev.pid = id >> 32;
	ev.ret = (int)PT_REGS_RC(ctx);
	bpf_get_current_comm(ev.comm, sizeof(ev.comm));
	bpf_perf_event_output(ctx, &connects, BPF_F_CURRENT_CPU, &ev, sizeof(ev));
	bpf_map_delete_elem(&inflight, &id);
	return 0;
}

char _license[] SEC("license") = "GPL";
__u32 _version SEC("version") = 0xFFFFFFFE;
