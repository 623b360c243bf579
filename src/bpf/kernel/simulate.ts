/**
 * The event API for the session/runner: a simulation maps the simulated kernel's memory into a
 * GuestMemory once and then yields, in time order, a Firing for every (event, attachment) match.
 * Memory is live: run the programs of a firing before asking for the next one.
 */
import type { StackSource } from '../helpers/env-ext';
import type { GuestMemory } from '../vm/guest-memory';
import { type Attachment, contextBytes, matches } from './attach';
import type { KernelEvent, SimTask } from './events';
import { parseWorkload } from './workload/parse';
import { play } from './workload/play';
import type { Workload } from './workload/types';
import { World } from './world';

export interface Firing {
  /** Position in the stream of firings, from 0. */
  readonly seq: number;
  /** Nanoseconds since boot (what bpf_ktime_get_ns returns during the run). */
  readonly time: bigint;
  readonly cpu: number;
  readonly attachment: Attachment;
  /** Index of the attachment in the list given to simulate(). */
  readonly attachmentIndex: number;
  /** The context: pt_regs, a tracepoint record, raw tracepoint args, or a frame (xdp). */
  readonly ctx: Uint8Array;
  /** For HelperEnv.ext.task. */
  readonly task: SimTask;
  /** For HelperEnv.ext.stack (innermost frame first). */
  readonly stack: StackSource;
  readonly summary: string;
  readonly event: KernelEvent;
}

export interface SimulationOptions {
  /** Stop after this many kernel events (default 1,000,000) — a guard against enormous workloads. */
  readonly maxEvents?: number;
  /** Stop at this time after the workload's start, in ns. */
  readonly untilNs?: bigint;
}

export class Simulation {
  readonly world: World;
  private started = false;

  constructor(
    workload: Workload | string,
    mem: GuestMemory,
    private readonly options: SimulationOptions = {},
  ) {
    this.world = new World(mem);
    play(this.world, typeof workload === 'string' ? parseWorkload(workload) : workload);
  }

  /** Base addresses of the 'kernel' and 'user' regions holding every simulated object. */
  get regions(): { kernel: bigint; user: bigint } {
    return { kernel: this.world.k.kmem.base, user: this.world.k.umem.base };
  }

  /** Every kernel event in order (one pass only: the kernel's state moves forward). */
  *events(): Generator<KernelEvent, void, void> {
    if (this.started) throw new Error('a simulation can be played only once');
    this.started = true;
    const max = this.options.maxEvents ?? 1_000_000;
    const until = this.options.untilNs === undefined ? null : this.world.k.clock + this.options.untilNs;
    let count = 0;
    for (const e of this.world.k.run()) {
      if (count++ >= max || (until !== null && e.time > until)) return;
      yield e;
    }
  }

  *firings(attachments: readonly Attachment[]): Generator<Firing, void, void> {
    let seq = 0;
    for (const event of this.events()) {
      for (let i = 0; i < attachments.length; i++) {
        const attachment = attachments[i]!;
        if (!matches(attachment, event)) continue;
        const { time, cpu, task, stack, summary } = event;
        const ctx = contextBytes(attachment, event);
        yield { seq: seq++, time, cpu, attachment, attachmentIndex: i, ctx, task, stack, summary, event };
      }
    }
  }
}

/** Plays `workload` in `mem` and yields the firings of `attachments`. */
export function simulate(
  workload: Workload | string,
  attachments: readonly Attachment[],
  mem: GuestMemory,
  options: SimulationOptions = {},
): Generator<Firing, void, void> {
  return new Simulation(workload, mem, options).firings(attachments);
}
