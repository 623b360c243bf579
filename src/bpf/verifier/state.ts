/**
 * A verifier state: the call frames on the current path, each with eleven registers and a stack.
 *
 * Stack slots follow the kernel's model: slot `spi` covers fp-8*(spi+1) .. fp-8*spi-1, and each of its
 * eight bytes is '?' (never written), 'm' (some data), '0' (known zero) or 'r' (part of a spilled
 * register, kept in `spilled`). Byte index k of a slot is the byte at address fp-8*spi-1-k, which is the
 * order the kernel prints them in (`fp-8=0000????`).
 */
import { notInit, pointer, type Reg } from './reg';

export type SlotByte = '?' | 'm' | '0' | 'r';

export interface StackSlot {
  /** Eight characters, one per byte, each a SlotByte. */
  readonly bytes: string;
  readonly spilled: Reg | null;
}

export const EMPTY_SLOT: StackSlot = { bytes: '????????', spilled: null };

export interface Frame {
  regs: Reg[];
  stack: StackSlot[];
  /** Instruction index of the call that created this frame (-1 for the main program). */
  callsite: number;
  /** First instruction of the subprogram running in this frame. */
  subprogStart: number;
  frameNo: number;
}

export interface VerifierState {
  frames: Frame[];
  /** Index of the running frame in `frames`. */
  cur: number;
  /** Acquired references not yet released (shared by all frames, as in the kernel). */
  refs: readonly RefState[];
}

export interface RefState {
  id: number;
  /** Instruction that acquired it (printed as alloc_insn). */
  insn: number;
}

export const MAX_BPF_STACK = 512;
export const REG_SIZE = 8;

export function newFrame(frameNo: number, callsite: number, subprogStart: number): Frame {
  const regs: Reg[] = [];
  for (let i = 0; i < 11; i++) regs.push(notInit());
  regs[10] = pointer('fp', { frameNo });
  return { regs, stack: [], callsite, subprogStart, frameNo };
}

/**
 * Register objects are never changed once they are in a frame (every change puts a new object in
 * its place), so copies of a state share them: a copy costs eleven pointers, not eleven registers.
 */
export function copyFrame(f: Frame): Frame {
  return {
    regs: f.regs.slice(),
    stack: f.stack.slice(),
    callsite: f.callsite,
    subprogStart: f.subprogStart,
    frameNo: f.frameNo,
  };
}

export const copyState = (s: VerifierState): VerifierState => ({
  frames: s.frames.map(copyFrame),
  cur: s.cur,
  refs: s.refs,
});
export const curFrame = (s: VerifierState): Frame => s.frames[s.cur]!;
export const curRegs = (s: VerifierState): Reg[] => s.frames[s.cur]!.regs;

export function getSlot(f: Frame, spi: number): StackSlot {
  return f.stack[spi] ?? EMPTY_SLOT;
}

export function setSlot(f: Frame, spi: number, slot: StackSlot): void {
  while (f.stack.length <= spi) f.stack.push(EMPTY_SLOT);
  f.stack[spi] = slot;
}

/** Bytes of stack in use by a frame (the kernel's allocated_stack), a multiple of 8. */
export const allocatedStack = (f: Frame): number => f.stack.length * REG_SIZE;

/** Replaces byte k of a slot's type string. */
export function withByte(bytes: string, k: number, b: SlotByte): string {
  return bytes.slice(0, k) + b + bytes.slice(k + 1);
}
