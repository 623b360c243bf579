#!/usr/bin/python3
# Every exec as a perf buffer record: the callback decodes it with b["events"].event(data).
from bcc import BPF

prog = """
#include <linux/sched.h>

struct data_t {
    u32 pid;
    u32 ppid;
    u64 ts;
    char comm[TASK_COMM_LEN];
};
BPF_PERF_OUTPUT(events);

int syscall__execve(struct pt_regs *ctx) {
    struct data_t data = {};
    struct task_struct *task = (struct task_struct *)bpf_get_current_task();

    data.pid = bpf_get_current_pid_tgid() >> 32;
    data.ppid = task->real_parent->tgid;
    data.ts = bpf_ktime_get_ns();
    bpf_get_current_comm(&data.comm, sizeof(data.comm));
    events.perf_submit(ctx, &data, sizeof(data));
    return 0;
}
"""

b = BPF(text=prog)
b.attach_kprobe(event=b.get_syscall_fnname("execve"), fn_name="syscall__execve")

print("%-18s %-16s %-6s %s" % ("TIME(s)", "COMM", "PID", "PPID"))

def print_event(cpu, data, size):
    event = b["events"].event(data)
    print("%-18.9f %-16s %-6d %d" % (event.ts / 1e9, event.comm.decode("utf-8", "replace"), event.pid, event.ppid))

b["events"].open_perf_buffer(print_event)
while 1:
    try:
        b.perf_buffer_poll()
    except KeyboardInterrupt:
        exit()
