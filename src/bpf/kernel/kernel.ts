/**
 * The simulated kernel's core: clock, memory, tasks and a one-CPU scheduler over coroutines.
 *
 * Kernel code is written as generators (see Gen in events.ts) so that every event is handed to
 * the consumer — which runs BPF programs against live memory — before the kernel goes on and
 * changes or frees what the event points to. The scheduler runs the earliest runnable coroutine
 * until it sleeps; switching tasks emits sched:sched_switch like the real scheduler does.
 */
import type { GuestMemory } from '../vm/guest-memory';
import type { Gen, KernelEvent, Op, SimTask } from './events';
import { Arena, type KObject } from './heap';
import type { FieldValue } from './layout';
import { callSite, kernelStack, userStack } from './symbols';
import { encodeRecord, tracepoint } from './tracepoints';

export interface Task {
  readonly pid: number;
  readonly tgid: number;
  comm: string;
  readonly uid: number;
  readonly gid: number;
  readonly cgroupId: bigint;
  readonly parent: Task | null;
  readonly obj: KObject;
  /** The user registers saved at syscall entry (what __x64_sys_* receive a pointer to). */
  readonly regs: KObject;
  readonly fds: Map<number, KObject>;
  /** Kernel `struct file *` array of the fd table. */
  readonly fdArray: bigint;
  /** 0 running, 1 sleeping, 0x80 dead (the TASK_* value sched_switch reports). */
  state: number;
}

interface Thread {
  readonly id: number;
  /** null for interrupt work, which runs on whatever task is current. */
  readonly task: Task | null;
  readonly gen: Gen;
  wakeAt: bigint;
  readonly frames: string[];
  /** libc wrapper of the syscall in progress, for the user stack. */
  userWrapper: string | null;
}

/** Every event takes this long, so simultaneous activity still gets distinct, ordered times. */
export const EVENT_COST_NS = 1000n;
const FOREVER = -1n;
const NEVER = 1n << 62n;

export class Kernel {
  clock: bigint;
  readonly kmem: Arena;
  readonly umem: Arena;
  readonly tasks = new Map<number, Task>();
  idle!: Task;
  current!: Task;
  private threads: Thread[] = [];
  private thread: Thread | null = null;
  private nextThreadId = 0;

  constructor(mem: GuestMemory, bootNs: bigint) {
    this.clock = bootNs;
    this.kmem = new Arena(mem, 'kernel', 'kernel memory', 256 * 1024);
    this.umem = new Arena(mem, 'user', 'user memory', 64 * 1024);
  }

  /** The task kernel code is running for (interrupt work runs on the current task). */
  get task(): Task {
    return this.thread?.task ?? this.current;
  }

  /** Starts `body` as a coroutine of `task` (null: interrupt context) at time `at`. */
  spawn(task: Task | null, at: bigint, frames: string[], body: Gen): void {
    this.threads.push({ id: this.nextThreadId++, task, gen: body, wakeAt: at, frames, userWrapper: null });
  }

  /** Gives up the CPU for `ns` nanoseconds. */
  *sleep(ns: bigint): Gen {
    yield* this.suspend(ns);
  }

  /** Sleeps until wake(task) is called for this coroutine's task. */
  *block(): Gen {
    yield* this.suspend(FOREVER);
  }

  /** Interrupt work sleeping does not put the interrupted task to sleep. */
  private *suspend(ns: bigint): Gen {
    const own = this.thread?.task;
    if (own) own.state = 1;
    yield { op: 'sleep', ns };
    if (own) own.state = 0;
  }

  /** Makes the blocked coroutines of `task` runnable now. */
  wake(task: Task): void {
    for (const t of this.threads) if (t.task === task && t.wakeAt === NEVER) t.wakeAt = this.clock;
  }

  /** Calls kernel function `name`: entry event, body, return event; returns the body's value. */
  *fn(name: string, args: readonly bigint[], detail: string, body?: () => Gen<bigint>): Gen<bigint> {
    const frames = this.thread!.frames;
    frames.push(name);
    const sp = this.stackPointer(frames.length);
    yield this.op({ kind: 'entry', fn: name, args, sp }, `${name} ${detail}`.trim());
    const ret = body ? yield* body() : 0n;
    const returnAddress = callSite(frames[frames.length - 2] ?? 'ret_from_fork', name);
    yield this.op({ kind: 'return', fn: name, ret, sp, returnAddress }, `${name} returned ${BigInt.asIntN(64, ret)}`);
    frames.pop();
    return ret;
  }

  /** Hits tracepoint `key` ("sched:sched_switch") with record `values` and raw tracepoint args. */
  *trace(
    key: string,
    values: Readonly<Record<string, FieldValue>>,
    rawArgs: readonly bigint[],
    detail: string,
    strings: Readonly<Record<string, string>> = {},
  ): Gen {
    const tp = tracepoint(key);
    if (!tp) throw new Error(`no tracepoint ${key}`);
    const pid = this.task.pid;
    yield this.op(
      { kind: 'tracepoint', tp, rawArgs, record: () => encodeRecord(tp, pid, values, strings) },
      `${key} ${detail}`,
    );
  }

  /** Runs the frames pushed by `frames` around `body` (call chain context for stacks). */
  *within<T>(frames: readonly string[], body: () => Gen<T>): Gen<T> {
    const own = this.thread!.frames;
    own.push(...frames);
    const result = yield* body();
    own.length -= frames.length;
    return result;
  }

  setUserWrapper(name: string | null): void {
    this.thread!.userWrapper = name;
  }

  /** Emits an event as an Op, stamped with time, task and stacks; advances the clock. */
  op(fields: DistributiveOmit<KernelEvent, 'time' | 'cpu' | 'task' | 'stack' | 'summary'>, detail: string): Op {
    const t = this.task;
    const thread = this.thread;
    const stack = {
      kernel: kernelStack(thread?.frames ?? []),
      user: thread?.task && thread.userWrapper ? userStack(thread.userWrapper) : [],
    };
    const summary = `${t.comm} (pid ${t.pid}) ${detail}`;
    const event = { ...fields, time: this.clock, cpu: 0, task: snapshot(t), stack, summary } as KernelEvent;
    this.clock += EVENT_COST_NS;
    return { op: 'event', event };
  }

  /** Plays the coroutines in time order until none is left; yields each event. */
  *run(): Generator<KernelEvent, void, void> {
    for (;;) {
      const next = this.pick();
      if (!next) return;
      if (next.wakeAt > this.clock) {
        if (this.current !== this.idle && this.current.state !== 0) yield* this.switchTo(this.idle);
        this.clock = next.wakeAt;
      }
      if (next.task && next.task !== this.current) yield* this.switchTo(next.task);
      this.thread = next;
      for (;;) {
        const step = next.gen.next();
        if (step.done) {
          this.threads = this.threads.filter((t) => t !== next);
          break;
        }
        if (step.value.op === 'sleep') {
          next.wakeAt = step.value.ns === FOREVER ? NEVER : this.clock + step.value.ns;
          break;
        }
        yield step.value.event;
      }
      this.thread = null;
    }
  }

  private pick(): Thread | undefined {
    let best: Thread | undefined;
    for (const t of this.threads) if (t.wakeAt !== NEVER && (!best || t.wakeAt < best.wakeAt)) best = t;
    return best;
  }

  private *switchTo(next: Task): Generator<KernelEvent, void, void> {
    const prev = this.current;
    const values = {
      prev_comm: prev.comm, prev_pid: prev.pid, prev_prio: 120, prev_state: prev.state,
      next_comm: next.comm, next_pid: next.pid, next_prio: 120,
    }; // prettier-ignore
    this.thread = { id: -1, task: null, gen: null!, wakeAt: 0n, frames: ['__schedule'], userWrapper: null };
    const op = this.op(
      { kind: 'tracepoint', tp: tracepoint('sched:sched_switch')!, rawArgs: [0n, prev.obj.addr, next.obj.addr, BigInt(prev.state)],
        record: () => encodeRecord(tracepoint('sched:sched_switch')!, prev.pid, values) },
      `sched:sched_switch ${prev.comm}:${prev.pid} → ${next.comm}:${next.pid}`,
    ); // prettier-ignore
    this.thread = null;
    if (op.op === 'event') yield op.event;
    this.current = next;
  }

  private stackPointer(depth: number): bigint {
    const stackBase = this.task.obj.get('stack');
    return stackBase + BigInt(KSTACK_SIZE - PT_REGS_SIZE) - BigInt(depth) * 96n;
  }
}

/** Size of the simulated kernel stack; the user pt_regs sit at its top, as task_pt_regs() finds them. */
export const KSTACK_SIZE = 2048;
const PT_REGS_SIZE = 168;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function snapshot(t: Task): SimTask {
  return { pid: t.pid, tgid: t.tgid, uid: t.uid, gid: t.gid, comm: t.comm, address: t.obj.addr, cgroupId: t.cgroupId };
}
