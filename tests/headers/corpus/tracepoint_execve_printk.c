// Tracepoint on execve entry with every bpf_printk flavour: 0..3 arguments use bpf_trace_printk, more use
// bpf_trace_vprintk.
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct sys_enter_execve_args {
	__u64 common;
	int __syscall_nr;
	const char *filename;
	const char *const *argv;
	const char *const *envp;
};

SEC("tracepoint/syscalls/sys_enter_execve")
int trace_execve(struct sys_enter_execve_args *ctx)
{
	char comm[16];
	char path[64];
	__u64 id = bpf_get_current_pid_tgid();
	__u32 pid = id >> 32, tid = (__u32)id;

	bpf_get_current_comm(comm, sizeof(comm));
	bpf_probe_read_user_str(path, sizeof(path), ctx->filename);
	bpf_printk("execve");
	bpf_printk("execve by %d", pid);
	bpf_printk("execve %s by %s (%d)", path, comm, pid);
	bpf_printk("execve %s by %s pid %d tid %d cpu %d", path, comm, pid, tid, bpf_get_smp_processor_id());
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
