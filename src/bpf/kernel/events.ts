/** What the simulated kernel emits, and what a program attached to it receives. */
import type { StackSource, TaskInfo } from '../helpers/env-ext';
import type { TracepointDef } from './tracepoints';

/** The current task as helpers see it (HelperEnv.ext.task), plus what get_current_task/cgroup need. */
export interface SimTask extends TaskInfo {
  /** Address of its task_struct in kernel memory (bpf_get_current_task). */
  readonly address: bigint;
  readonly cgroupId: bigint;
}

interface EventBase {
  /** Nanoseconds since boot. */
  readonly time: bigint;
  readonly cpu: number;
  readonly task: SimTask;
  readonly stack: StackSource;
  /** Short human text: "curl (pid 1234) tcp_v4_connect 93.184.216.34:80". */
  readonly summary: string;
}

export interface EntryEvent extends EventBase {
  readonly kind: 'entry';
  readonly fn: string;
  readonly args: readonly bigint[];
  /** Kernel stack pointer at the call (pt_regs.sp of a kprobe). */
  readonly sp: bigint;
}

export interface ReturnEvent extends EventBase {
  readonly kind: 'return';
  readonly fn: string;
  readonly ret: bigint;
  readonly sp: bigint;
  /** Where the function returns to (pt_regs.ip of a kretprobe). */
  readonly returnAddress: bigint;
}

export interface TracepointEvent extends EventBase {
  readonly kind: 'tracepoint';
  readonly tp: TracepointDef;
  /** The record (ctx of SEC("tracepoint/...")), built on demand. */
  readonly record: () => Uint8Array;
  /** TP_PROTO arguments (ctx->args[] of SEC("raw_tp/...")). */
  readonly rawArgs: readonly bigint[];
}

/** A frame arriving at a device, before the stack sees it (what XDP programs run on). */
export interface PacketEvent extends EventBase {
  readonly kind: 'packet';
  readonly dev: string;
  readonly ifindex: number;
  readonly frame: Uint8Array;
}

export type KernelEvent = EntryEvent | ReturnEvent | TracepointEvent | PacketEvent;

/** The name an attachment matches: function name, "category:name", or device. */
export function eventTarget(e: KernelEvent): string {
  switch (e.kind) {
    case 'entry':
    case 'return':
      return e.fn;
    case 'tracepoint':
      return `${e.tp.category}:${e.tp.name}`;
    case 'packet':
      return e.dev;
  }
}

/** Generator protocol of simulated kernel code: emit an event, or sleep (give up the CPU). */
export type Op = { readonly op: 'event'; readonly event: KernelEvent } | { readonly op: 'sleep'; readonly ns: bigint };
export type Gen<T = void> = Generator<Op, T, void>;
