// Tracepoint without vmlinux.h: the record layout is declared by hand from the tracepoint's format file.
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct sched_switch_args {
	unsigned long long pad;
	char prev_comm[16];
	int prev_pid;
	int prev_prio;
	long long prev_state;
	char next_comm[16];
	int next_pid;
	int next_prio;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 8192);
	__type(key, int);
	__type(value, __u64);
} switches SEC(".maps");

SEC("tracepoint/sched/sched_switch")
int on_switch(struct sched_switch_args *ctx)
{
	int pid = ctx->next_pid;
	__u64 init = 1, *v;

	if (pid == 0)
		return 0;
	v = bpf_map_lookup_elem(&switches, &pid);
	if (v)
		(*v)++;
	else
		bpf_map_update_elem(&switches, &pid, &init, BPF_NOEXIST);
	if (ctx->prev_state == 0)
		bpf_printk("preempted %s (%d)", ctx->prev_comm, ctx->prev_pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
