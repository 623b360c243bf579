/**
 * Per-step tracing and step-back, built on the one interpreter: a traced step is execute(vm, 1)
 * with the state compared before and after. Nothing here interprets instructions.
 */
import type { DecodedInsn } from '../isa';
import { execute } from './execute';
import { MAX_CALL_FRAMES, STACK_SIZE, type Vm, type VmStatus } from './machine';
import type { PreparedProgram } from './prepare';

export interface StackChange {
  /** Call depth whose stack changed (0 = the entry program). */
  readonly frame: number;
  /** Byte offset from that frame's r10, as programs write it: -8 is [r10-8]. */
  readonly offset: number;
  readonly before: number;
  readonly after: number;
}

export interface TraceStep {
  /** Instructions executed before this one in the run. */
  readonly index: number;
  readonly pc: number;
  readonly insn: DecodedInsn;
  /** r0..r10 as unsigned 64-bit values. */
  readonly before: readonly bigint[];
  readonly after: readonly bigint[];
  readonly changedRegs: readonly number[];
  readonly stackChanges: readonly StackChange[];
  readonly depthBefore: number;
  readonly depthAfter: number;
  /** pc of the next instruction, or null when this step ended the program. */
  readonly nextPc: number | null;
}

const registers = (vm: Vm): bigint[] => Array.from({ length: 11 }, (_, n) => vm.reg(n));

function stackCopies(vm: Vm, frames: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let f = 0; f < frames; f++) out.push(vm.mem.bytes[vm.stackIds[f]!]!.slice());
  return out;
}

/** Executes exactly one instruction and reports what it changed. Faults propagate as VmFault. */
export function step(vm: Vm): TraceStep {
  if (vm.status === 'exited' || vm.status === 'faulted') throw new Error(`cannot step a VM that has ${vm.status}`);
  const pc = vm.pc;
  const insn = vm.program.insns[pc];
  const index = vm.steps;
  const depthBefore = vm.depth;
  const before = registers(vm);
  // A call can zero the next frame, so watch one frame deeper than the current one.
  const watched = Math.min(depthBefore + 2, MAX_CALL_FRAMES);
  const stackBefore = stackCopies(vm, watched);
  const result = execute(vm, 1);
  const after = registers(vm);
  const stackAfter = stackCopies(vm, watched);
  const stackChanges: StackChange[] = [];
  stackBefore.forEach((old, frame) => {
    const now = stackAfter[frame]!;
    for (let i = 0; i < STACK_SIZE; i++) {
      if (old[i] !== now[i]) stackChanges.push({ frame, offset: i - STACK_SIZE, before: old[i]!, after: now[i]! });
    }
  });
  return {
    index,
    pc,
    insn: insn!,
    before,
    after,
    changedRegs: after.flatMap((v, n) => (v === before[n] ? [] : [n])),
    stackChanges,
    depthBefore,
    depthAfter: vm.depth,
    nextPc: result === 'exited' ? null : vm.pc,
  };
}

/**
 * Runs with a callback after every instruction; the callback returns false to pause. Returns
 * the number of steps taken. Faults propagate (the VM is left 'faulted' at the bad instruction).
 */
export function runTraced(vm: Vm, onStep: (s: TraceStep) => boolean | void, maxSteps = Infinity): number {
  let taken = 0;
  while (taken < maxSteps && vm.status !== 'exited') {
    const s = step(vm);
    taken++;
    if (onStep(s) === false) break;
  }
  return taken;
}

/** Everything needed to go back to a point in a run: CPU state and every writable region's bytes. */
export interface VmSnapshot {
  readonly regs: Int32Array;
  readonly frames: Int32Array;
  readonly pc: number;
  readonly depth: number;
  readonly steps: number;
  readonly status: VmStatus;
  readonly memory: ReadonlyMap<number, Uint8Array>;
  /** Tail calls switch programs mid-run: which one runs, where frames return to, how many were taken. */
  readonly program: PreparedProgram;
  readonly returnPrograms: readonly (PreparedProgram | null)[];
  readonly tailCalls: number;
}

export function snapshot(vm: Vm): VmSnapshot {
  const memory = new Map<number, Uint8Array>();
  vm.mem.infos.forEach((info, id) => {
    if (info?.writable) memory.set(id, vm.mem.bytes[id]!.slice());
  });
  return {
    regs: vm.regs.slice(),
    frames: vm.frames.slice(),
    pc: vm.pc,
    depth: vm.depth,
    steps: vm.steps,
    status: vm.status,
    memory,
    program: vm.program,
    returnPrograms: vm.returnPrograms.slice(),
    tailCalls: vm.tailCalls,
  };
}

/** Puts the VM back exactly as snapshot() saw it (helper-side state such as maps outside regions excepted). */
export function restore(vm: Vm, s: VmSnapshot): void {
  vm.regs.set(s.regs);
  vm.frames.set(s.frames);
  vm.pc = s.pc;
  vm.depth = s.depth;
  vm.steps = s.steps;
  vm.status = s.status;
  vm.program = s.program;
  s.returnPrograms.forEach((p, i) => (vm.returnPrograms[i] = p));
  vm.tailCalls = s.tailCalls;
  for (const [id, bytes] of s.memory) {
    const target = vm.mem.bytes[id];
    if (target && target.length === bytes.length) target.set(bytes);
  }
}
