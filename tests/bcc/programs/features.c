// BCC features the playground's rewrite supports, one probe each (tests/bcc/bcc.test.ts runs it).
#include <uapi/linux/ptrace.h>
#include <linux/sched.h>
#include <linux/fs.h>

struct event_t {
    u32 pid;
    char comm[16];
};

BPF_HISTOGRAM(sizes);
BPF_ARRAY(calls, u64, 4);
BPF_HASH(writes_by_pid, u32, u64);
BPF_PERF_OUTPUT(events);
BPF_RINGBUF_OUTPUT(ring, 1);

// Probed function's arguments after ctx: vfs_write(file, buf, count, pos).
int kprobe__vfs_write(struct pt_regs *ctx, struct file *file, const char __user *buf, size_t count) {
    u32 pid = bpf_get_current_pid_tgid() >> 32;
    u64 zero = 0, *n;

    sizes.increment(bpf_log2l(count));
    calls.atomic_increment(0);
    n = writes_by_pid.lookup_or_try_init(&pid, &zero);
    if (n)
        (*n)++;
    bpf_trace_printk("vfs_write %d bytes, f_flags %x", count, file->f_flags);
    return 0;
}

// A syscall wrapper: the arguments are read from the user registers it receives.
int syscall__openat(struct pt_regs *ctx, int dfd, const char __user *filename) {
    char name[32];

    bpf_probe_read_user_str(name, sizeof(name), filename);
    bpf_trace_printk("openat %s", name);
    calls.increment(1);
    return 0;
}

int kretprobe__do_sys_openat2(struct pt_regs *ctx) {
    bpf_trace_printk("openat returned %d", PT_REGS_RC(ctx));
    return 0;
}

// Pointer chains through kernel memory become probe reads; task->comm is an address.
int kprobe__wake_up_new_task(struct pt_regs *ctx, struct task_struct *p) {
    struct event_t e = {};

    e.pid = p->pid;
    bpf_probe_read_kernel_str(e.comm, sizeof(e.comm), p->comm);
    bpf_trace_printk("new task %d of %d (%s)", e.pid, p->real_parent->pid, e.comm);
    events.perf_submit(ctx, &e, sizeof(e));
    ring.ringbuf_output(&e, sizeof(e), 0);
    return 0;
}
