/**
 * One virtual machine: a prepared program, its address space, its helpers and its CPU state.
 *
 * The state is plain and resumable: execute(vm, maxSteps) runs from vm.pc and can stop after any
 * instruction, which is how stepping and tracing reuse the one interpreter.
 */
import type { HelperEnv, HelperImpl } from '../helpers/types';
import * as space from './address-space';
import { AddressSpace } from './address-space';
import { toBigU } from './int64';
import type { PreparedProgram } from './prepare';

/** Kernel limits: MAX_BPF_STACK bytes per frame, MAX_CALL_FRAMES frames. */
export const STACK_SIZE = 512;
export const MAX_CALL_FRAMES = 8;
/** Words saved per call frame: r6..r9 and r10 as halves, then the return slot. */
export const FRAME_WORDS = 11;
export const DEFAULT_BUDGET = 10_000_000;

// A module-local copy: under CommonJS interop an imported binding is a getter call (see execute.ts).
const HI_BASE = space.HI_BASE;

export type HelperLookup = (id: number) => HelperImpl | undefined;

export type VmStatus = 'ready' | 'paused' | 'exited' | 'faulted';

export interface VmOptions {
  readonly mem?: AddressSpace;
  readonly helpers?: HelperLookup;
  /** Builds the HelperEnv given the address space; defaults to a deterministic one. */
  readonly env?: (mem: AddressSpace) => HelperEnv;
  /** Instructions one run may execute before it is stopped. */
  readonly budget?: number;
  /**
   * uBPF's "unwind" extension used by bpf_conformance: when this helper returns 0 the program
   * ends at once with r0 = 0.
   */
  readonly unwindHelperId?: number;
}

export function defaultEnv(mem: AddressSpace): HelperEnv {
  let clock = 0n;
  let seed = 0x2545f491;
  return {
    mem,
    trace: () => {},
    nowNs: () => (clock += 1000n),
    random32: () => {
      // xorshift32: deterministic so runs can be replayed and stepped back.
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    },
    cpu: 0,
    ext: {},
  };
}

export class Vm {
  /**
   * r0..r10 as (low, high) int32 pairs. Replaced only by adoptState() (the JIT moves it into its
   * linear memory); read it through the VM, do not keep the array across runs.
   */
  regs: Int32Array = new Int32Array(22);
  /** Saved callee state per call depth, FRAME_WORDS each (adoptState() may move it too). */
  frames: Int32Array = new Int32Array(MAX_CALL_FRAMES * FRAME_WORDS);
  /** Region id of the stack of each call depth. */
  readonly stackIds: number[] = [];
  readonly mem: AddressSpace;
  readonly env: HelperEnv;
  readonly helpers: HelperLookup;
  readonly unwindHelperId: number;
  budget: number;
  pc = 0;
  depth = 0;
  steps = 0;
  status: VmStatus = 'ready';
  /** Region id of the packet LD_ABS/LD_IND read from (socket filters), or -1. */
  legacyPacketId = -1;
  /** Where skb->data and the network header are inside that region (LD_ABS offsets are from skb->data). */
  legacyDataOffset = 0;
  legacyNetworkOffset = 0;
  /**
   * Tail calls: a helper (bpf_tail_call) sets `tailCallTarget`; right after that helper returns the
   * interpreter continues at slot 0 of the target with the same registers and stack frame, never
   * returning to the caller. `tailCalls` counts the ones taken this run (the kernel allows 33).
   */
  tailCallTarget: PreparedProgram | null = null;
  tailCalls = 0;
  /**
   * Per saved call frame: the program to resume when that frame is popped, or null for the running
   * one. Set only when a bpf-to-bpf subprogram tail-calls: the kernel lets the target replace the
   * subprogram, and the target's exit returns to the subprogram's caller in the caller's program.
   */
  readonly returnPrograms: (PreparedProgram | null)[] = new Array<PreparedProgram | null>(MAX_CALL_FRAMES).fill(null);

  constructor(
    /** The running program; a tail call replaces it (reset it per run when tail calls may happen). */
    public program: PreparedProgram,
    options: VmOptions = {},
  ) {
    this.mem = options.mem ?? new AddressSpace();
    this.env = (options.env ?? defaultEnv)(this.mem);
    this.helpers = options.helpers ?? (() => undefined);
    this.budget = options.budget ?? DEFAULT_BUDGET;
    this.unwindHelperId = options.unwindHelperId ?? -1;
    for (let frame = 0; frame < MAX_CALL_FRAMES; frame++) {
      const base = this.mem.map('stack', `stack[frame ${frame}]`, new Uint8Array(STACK_SIZE), true);
      this.stackIds.push(this.mem.idOf(base)!);
    }
    this.reset();
  }

  /** Fresh CPU state at slot `entry`: registers zero, r10 at the top of frame 0, stack zeroed. */
  reset(entry = 0): void {
    // Called once per packet in benchmarks and batch runs: plain loops beat fill() on 22 ints.
    const R = this.regs;
    for (let i = 0; i < 20; i++) R[i] = 0;
    this.mem.bytes[this.stackIds[0]!]!.fill(0);
    this.setFramePointer(0);
    this.pc = entry;
    this.depth = 0;
    this.steps = 0;
    this.status = 'ready';
    this.tailCallTarget = null;
    this.tailCalls = 0;
    // A loop, not fill(): Array.prototype.fill on 8 slots costs more than the rest of the reset.
    const returns = this.returnPrograms;
    for (let i = 0; i < MAX_CALL_FRAMES; i++) returns[i] = null;
  }

  /** Points r10 one past the end of the stack of call depth `depth`. */
  setFramePointer(depth: number): void {
    this.regs[20] = STACK_SIZE;
    this.regs[21] = (HI_BASE + 2 * this.stackIds[depth]!) | 0;
  }

  /** Moves registers and frames into the given arrays (same layout), keeping their values. */
  adoptState(regs: Int32Array, frames: Int32Array): void {
    if (regs.length !== this.regs.length || frames.length !== this.frames.length)
      throw new Error('adoptState: arrays of the wrong size');
    regs.set(this.regs);
    frames.set(this.frames);
    this.regs = regs;
    this.frames = frames;
  }

  reg(n: number): bigint {
    return toBigU(this.regs[2 * n]!, this.regs[2 * n + 1]!);
  }

  setReg(n: number, value: bigint): void {
    this.regs[2 * n] = Number(BigInt.asIntN(32, value));
    this.regs[2 * n + 1] = Number(BigInt.asIntN(32, value >> 32n));
  }

  /** Sets a register from int32 halves (no BigInt: for per-packet setup on hot paths). */
  setRegHalves(n: number, lo: number, hi: number): void {
    this.regs[2 * n] = lo;
    this.regs[2 * n + 1] = hi;
  }

  /** r0 as an unsigned 64-bit value. */
  get r0(): bigint {
    return this.reg(0);
  }
}
