#!/usr/bin/python3
# BCC hello world: prints a line whenever a process calls socket().
from bcc import BPF

program = r"""
int hello_world(void *ctx) {
    bpf_trace_printk("Hello, World!");
    return 0;
}
"""

b = BPF(text=program)
b.attach_kprobe(event=b.get_syscall_fnname("socket"), fn_name="hello_world")
b.trace_print()
