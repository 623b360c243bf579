/**
 * Examples the real kernel (6.18) accepts but our verifier rejects today, with the message it
 * gives. Their runs are golden-tested with the load-time checks instead, and a test asserts the
 * verifier still fails this way: when it is fixed, that test fails and the entry must go.
 */
export const KNOWN_VERIFIER_GAPS: Readonly<Record<string, string>> = {
  // A constant-bound loop with a packet bounds check in the body; the kernel's pruning converges.
  'bounded-loop': 'BPF program is too large',
  // A void static subprogram leaves a pointer in R0; the kernel checks R0 only for global subprogs and callbacks.
  'bpf-to-bpf-calls': 'At subprogram exit the register R0 is not a scalar value',
  // bpf_ringbuf_reserve's memory is mapped to a pointer without its size (ringbuf memory is out of scope).
  'execve-ringbuf': 'R6 min value is outside of the allowed memory range',
};
