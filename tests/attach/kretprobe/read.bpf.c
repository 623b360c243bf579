// kretprobe: vfs_read's return value (PT_REGS_RC) and the kernel stack it returns into.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kretprobe/vfs_read")
int BPF_KRETPROBE(read_done, long ret)
{
	u64 ip = PT_REGS_IP(ctx);

	bpf_printk("vfs_read returned %ld to %pS", ret, (void *)ip);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
