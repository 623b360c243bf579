/**
 * Contract between the interpreter and helper functions.
 *
 * Arguments and return values are unsigned 64-bit bigints (r1..r5 and r0). Helpers are
 * off the hot path, so clarity beats speed here; the JIT may special-case hot helpers.
 */
import type { GuestMemory } from '../vm/guest-memory';

/** What a helper may touch while the program runs. Built by the program runner per run. */
export interface HelperEnv {
  readonly mem: GuestMemory;
  /** Appends one trace_pipe message (the part after "bpf_trace_printk: "). */
  trace(message: string): void;
  /** Simulated monotonic clock in ns. */
  nowNs(): bigint;
  /** Deterministic PRNG (seedable) for get_prandom_u32. */
  random32(): number;
  /** Simulated CPU the program runs on. */
  readonly cpu: number;
  /**
   * Anything else a helper family needs (maps by address, the packet, the simulated task, tail
   * call requests, ...) lives on extension objects the runner attaches; see helpers/env-ext.ts for the keys and shapes.
   */
  readonly ext: Record<string, unknown>;
}

export type HelperImpl = (env: HelperEnv, r1: bigint, r2: bigint, r3: bigint, r4: bigint, r5: bigint) => bigint;
