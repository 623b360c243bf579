// TRACEPOINT_PROBE and tracepoint__CAT__EVENT programs: args->field from the format files, __data_loc strings.
BPF_HASH(switches, u32, u64);

TRACEPOINT_PROBE(syscalls, sys_enter_openat) {
    char path[64];
    bpf_probe_read_user_str(path, sizeof(path), args->filename);
    bpf_trace_printk("openat dfd=%d flags=%x %s", args->dfd, args->flags, path);
    return 0;
}

TRACEPOINT_PROBE(sched, sched_process_exec) {
    char file[32];
    TP_DATA_LOC_READ_CONST(file, filename, sizeof(file));
    bpf_trace_printk("exec pid %d %s", args->pid, file);
    return 0;
}

TRACEPOINT_PROBE(sched, sched_switch) {
    u32 pid = args->next_pid;
    switches.increment(pid);
    return 0;
}

int tracepoint__syscalls__sys_exit_openat(struct tracepoint__syscalls__sys_exit_openat *args) {
    bpf_trace_printk("openat returned %ld", args->ret);
    return 0;
}
