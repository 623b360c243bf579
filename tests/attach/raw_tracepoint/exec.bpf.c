// raw tracepoint: sched_process_exec(p, old_pid, bprm) — TP_PROTO arguments as u64 args[].
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

SEC("raw_tracepoint/sched_process_exec")
int on_exec(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_struct *p = (struct task_struct *)ctx->args[0];
	char comm[16];

	BPF_CORE_READ_STR_INTO(&comm, p, comm);
	bpf_printk("exec: pid %d (old pid %d) is now %s", BPF_CORE_READ(p, pid), (int)ctx->args[1], comm);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
