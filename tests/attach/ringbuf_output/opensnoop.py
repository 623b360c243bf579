#!/usr/bin/python3
# Files opened, through a ring buffer; one callback takes ring records, the other map has none.
from bcc import BPF

b = BPF(text="""
struct open_t {
    u32 pid;
    int flags;
    char comm[16];
    char path[64];
};
BPF_RINGBUF_OUTPUT(opens, 8);

int trace_open(struct pt_regs *ctx, int dfd, const char __user *filename, int flags) {
    struct open_t rec = {};

    rec.pid = bpf_get_current_pid_tgid() >> 32;
    rec.flags = flags;
    bpf_get_current_comm(&rec.comm, sizeof(rec.comm));
    bpf_probe_read_user_str(&rec.path, sizeof(rec.path), filename);
    opens.ringbuf_output(&rec, sizeof(rec), 0);
    return 0;
}
""")
b.attach_kprobe(event=b.get_syscall_fnname("openat"), fn_name="trace_open")

def show(ctx, data, size):
    rec = b["opens"].event(data)
    print("%-6d %-12s %#x %s" % (rec.pid, rec.comm, rec.flags, rec.path))

b["opens"].open_ring_buffer(show)
while True:
    b.ring_buffer_poll()
