/**
 * A private tracefs instance recording only bpf_trace_printk events, so other tests clearing or
 * reading the global trace buffer cannot disturb ours. Lines are filtered by the pid of the process
 * that ran the program (bpftool), because programs loaded by others print into every instance.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';

const TRACEFS = '/sys/kernel/tracing';
const EVENT = 'events/bpf_trace/bpf_trace_printk/enable';
const MARK = 'bpf_trace_printk: ';
const INSTANCE_TAG = Math.random().toString(36).slice(2, 8);
let nextInstance = 0;

/** Message parts of the bpf_trace_printk lines in trace-file `text` written by process `pid`, in order. */
export function traceMessages(text: string, pid: number): string[] {
  // "<task>-<pid> [cpu] flags timestamp: bpf_trace_printk: msg"; task names may contain '-'.
  const who = new RegExp(`^\\s*.*-${pid}\\s+\\[\\d+\\]`);
  return text
    .split('\n')
    .filter((line) => who.test(line) && line.includes(MARK))
    .map((line) => line.slice(line.indexOf(MARK) + MARK.length));
}

export class TraceInstance {
  /** The instance's directory (its `trace` file is the buffer). */
  readonly path: string;

  constructor(tag: string) {
    if (!existsSync(`${TRACEFS}/instances`)) execFileSync('mount', ['-t', 'tracefs', 'nodev', TRACEFS]);
    // Unique per instance: test files in worker threads of one process share the pid.
    this.path = `${TRACEFS}/instances/ebpf-pg-${tag}-${process.pid}-${nextInstance++}-${INSTANCE_TAG}`;
    if (!existsSync(this.path)) mkdirSync(this.path);
    writeFileSync(`${this.path}/${EVENT}`, '1');
    this.clear();
  }

  clear(): void {
    writeFileSync(`${this.path}/trace`, '');
  }

  /** Message parts of the bpf_trace_printk lines written by process `pid`, in order. */
  messages(pid: number): string[] {
    return traceMessages(readFileSync(`${this.path}/trace`, 'utf8'), pid);
  }

  remove(): void {
    writeFileSync(`${this.path}/${EVENT}`, '0');
    rmdirSync(this.path);
  }
}
