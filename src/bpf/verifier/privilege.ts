/**
 * What a program loaded without CAP_BPF/CAP_PERFMON may not do beyond the per-check rules: the
 * helpers bpf_base_func_proto hands out only to capable loaders. Probed from Linux 6.18 with an
 * unprivileged socket filter calling each helper the registry implements
 * (tests/verifier/unpriv-helpers.test.ts keeps this list honest).
 */
const CAPABLE_ONLY_HELPERS: ReadonlySet<number> = new Set([
  6, // bpf_trace_printk
  16, // bpf_get_current_comm
  35, // bpf_get_current_task
  80, // bpf_get_current_cgroup_id
  93, // bpf_spin_lock
  94, // bpf_spin_unlock
  112, // bpf_probe_read_user
  113, // bpf_probe_read_kernel
  114, // bpf_probe_read_user_str
  115, // bpf_probe_read_kernel_str
  158, // bpf_get_current_task_btf
  165, // bpf_snprintf
  177, // bpf_trace_vprintk
  181, // bpf_loop
]);

/** Whether an unprivileged loader may call helper `id` at all (its program type may still refuse it). */
export const unprivilegedMayCall = (id: number): boolean => !CAPABLE_ONLY_HELPERS.has(id);
