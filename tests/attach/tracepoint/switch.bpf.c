// tracepoints: sched:sched_switch (vmlinux.h record) and syscalls:sys_enter_openat (record from its format file).
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>

/* /sys/kernel/tracing/events/syscalls/sys_enter_openat/format */
struct openat_args {
	unsigned long long common;
	int __syscall_nr;
	long dfd;
	const char *filename;
	long flags;
	long mode;
};

u64 switches = 0;

SEC("tracepoint/sched/sched_switch")
int on_switch(struct trace_event_raw_sched_switch *ctx)
{
	switches++;
	if (ctx->prev_pid != 0 && ctx->next_pid != 0)
		bpf_printk("switch %d -> %d (%s)", ctx->prev_pid, ctx->next_pid, ctx->next_comm);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_openat")
int on_openat(struct openat_args *ctx)
{
	char name[64];

	bpf_probe_read_user_str(name, sizeof(name), ctx->filename);
	bpf_printk("openat(%s, flags %lx) at %llu", name, ctx->flags, bpf_ktime_get_ns());
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
