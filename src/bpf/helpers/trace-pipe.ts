/**
 * One trace_pipe line as the kernel prints a bpf_trace_printk event:
 *   "<task>-<pid> [<cpu>] <flags> <sec>.<usec>: bpf_trace_printk: <msg>"
 * with the task name right-aligned in 16 columns, the pid left-aligned in 7, the CPU in three digits, and a
 * newline added only when the message does not end with one (as the kernel's output shows).
 * Flags are the irq/preempt state columns; BPF_PROG_TEST_RUN runs show "b..11".
 */
export interface TraceLineInfo {
  task: string;
  pid: number;
  cpu: number;
  timestampNs: bigint;
  flags?: string;
}

export function formatTraceLine(info: TraceLineInfo, message: string): string {
  const who = `${info.task.slice(0, 16).padStart(16, ' ')}-${String(info.pid).padEnd(7, ' ')}`;
  const cpu = String(info.cpu).padStart(3, '0');
  const seconds = info.timestampNs / 1_000_000_000n;
  const micros = (info.timestampNs % 1_000_000_000n) / 1000n;
  const stamp = `${seconds.toString().padStart(5, ' ')}.${micros.toString().padStart(6, '0')}`;
  const line = `${who} [${cpu}] ${info.flags ?? 'b..11'} ${stamp}: bpf_trace_printk: ${message}`;
  return message.endsWith('\n') ? line : `${line}\n`;
}
