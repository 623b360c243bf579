/**
 * Control-flow facts the translator needs: basic-block leaders, how many instructions each block
 * counts (the instruction budget is charged per block), and whether r10 is ever written (if not,
 * stack accesses at constant offsets from r10 are provably inside the current frame).
 */
import type { PreparedProgram } from '../vm';

export interface Blocks {
  /** Leader slots in ascending order; always starts with 0 and ends with `slots` (the end sentinel). */
  readonly leaders: readonly number[];
  /** Leader index by slot, -1 for slots that do not start a block. */
  readonly blockAt: Int32Array;
  /** Instructions of each block (a lddw counts once, as the interpreter counts steps). */
  readonly lengths: readonly number[];
  /** Instructions from this slot to the end of its block, inclusive. */
  readonly remaining: Int32Array;
  /** True when no instruction can write r10. */
  readonly r10Fixed: boolean;
}

const CLASS_JMP = 0x05;
const CLASS_JMP32 = 0x06;

/** Slot a jump at `pc` goes to, or null when `pc` is not a jump (calls and exit are not jumps). */
export function jumpTarget(p: PreparedProgram, pc: number): number | null {
  const op = p.op[pc]!;
  const cls = op & 7;
  if (cls !== CLASS_JMP && cls !== CLASS_JMP32) return null;
  const code = op & 0xf0;
  if (code === 0x80 || code === 0x90) return null;
  if (op === 0x06) return pc + p.imm[pc]! + 1;
  return pc + p.off[pc]! + 1;
}

export const isLocalCall = (p: PreparedProgram, pc: number): boolean => p.op[pc] === 0x85 && p.src2[pc] === 2;
export const isWideSlot = (p: PreparedProgram, pc: number): boolean => p.op[pc] === 0x18;

/** Whether instruction `pc` may write register `reg`. */
export function writes(p: PreparedProgram, pc: number, reg: number): boolean {
  const op = p.op[pc]!;
  const cls = op & 7;
  const dst = p.dst2[pc]! >> 1;
  // ALU, ALU64, LD (lddw and the legacy loads, which write r0) and LDX write dst.
  if (cls === 0x04 || cls === 0x07 || cls === 0x01) return dst === reg;
  if (cls === 0x00) return dst === reg || reg === 0;
  // Atomics with FETCH write src; cmpxchg writes r0.
  if (op === 0xc3 || op === 0xdb) return (p.src2[pc]! >> 1 === reg && (p.imm[pc]! & 1) !== 0) || reg === 0;
  return false;
}

export function analyze(p: PreparedProgram): Blocks | string {
  const n = p.slots;
  const isLeader = new Uint8Array(n + 1);
  isLeader[0] = 1;
  isLeader[n] = 1;
  let r10Fixed = true;
  for (let pc = 0; pc < n; pc += isWideSlot(p, pc) ? 2 : 1) {
    if (p.insns[pc] === undefined) return `slot ${pc} holds no instruction`;
    if (writes(p, pc, 10)) r10Fixed = false;
    const next = pc + (isWideSlot(p, pc) ? 2 : 1);
    const target = jumpTarget(p, pc);
    const ends = target !== null || isLocalCall(p, pc) || p.op[pc] === 0x95;
    if (target !== null) {
      if (target < 0 || target > n) return `jump at ${pc} leaves the program`;
      isLeader[target] = 1;
    }
    if (isLocalCall(p, pc)) {
      const callee = pc + p.imm[pc]! + 1;
      if (callee < 0 || callee >= n) return `call at ${pc} leaves the program`;
      isLeader[callee] = 1;
    }
    if (ends) isLeader[next] = 1;
  }
  const leaders: number[] = [];
  const blockAt = new Int32Array(n + 1).fill(-1);
  for (let pc = 0; pc <= n; pc++) {
    if (isLeader[pc]) {
      blockAt[pc] = leaders.length;
      leaders.push(pc);
    }
  }
  const lengths: number[] = [];
  const remaining = new Int32Array(n + 1);
  for (let b = 0; b < leaders.length; b++) {
    const end = b + 1 < leaders.length ? leaders[b + 1]! : n;
    const slots: number[] = [];
    for (let pc = leaders[b]!; pc < end; pc += isWideSlot(p, pc) ? 2 : 1) slots.push(pc);
    slots.forEach((pc, i) => (remaining[pc] = slots.length - i));
    lengths.push(slots.length);
  }
  return { leaders, blockAt, lengths, remaining, r10Fixed };
}
