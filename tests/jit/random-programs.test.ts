/**
 * Differential fuzzing: seeded random programs (every ALU form, 32/64-bit jumps forward and
 * backward, loads and stores on the stack and on a memory region, in and out of bounds, lddw,
 * bpf-to-bpf calls incl. too-deep recursion, helper calls, tight budgets) run on the interpreter
 * and on the JIT, which must agree on everything observable.
 */
import { describe, expect, it } from 'vitest';
import { encodeProgram, insn, type Insn } from '../../src/bpf/isa';
import { prepareProgram } from '../../src/bpf/vm';
import { runEngine } from './engines';

function rng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

const ALU_CODES = [0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xa0, 0xb0, 0xc0];
const JMP_CODES = [0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0xa0, 0xb0, 0xc0, 0xd0];
const INTERESTING = [0, 1, -1, 2, 7, 31, 32, 63, 64, 0x7fffffff, -0x80000000, 0xff, 0xffff, -2, 12345];

/** A random program of `n` main instructions plus a small callee, always ending in exit. */
function randomProgram(next: () => number, n: number): Insn[] {
  const pick = <T>(xs: readonly T[]): T => xs[next() % xs.length]!;
  const imm = (): number => (next() % 3 === 0 ? pick(INTERESTING) : next() | 0);
  const reg = (): number => pick([0, 2, 3, 4, 5, 6, 7, 8, 9]); // r1 keeps the memory pointer
  const out: Insn[] = [];
  const calleeAt = n + 1; // index of the callee's first instruction (after main's exit)
  for (let i = 0; i < n; i++) {
    const kind = next() % 16;
    const left = n - i - 1;
    if (kind < 6) {
      const code = pick(ALU_CODES);
      const wide = next() % 2 === 0;
      const x = code !== 0x80 && next() % 2 === 0; // neg has no register form
      let off = 0;
      if ((code === 0x30 || code === 0x90) && next() % 2 === 0) off = 1; // sdiv/smod
      if (code === 0xb0 && x) off = pick(wide ? [0, 8, 16, 32] : [0, 8, 16]);
      const op = code | (wide ? 0x07 : 0x04) | (x ? 0x08 : 0);
      out.push(insn(op, reg(), x ? reg() : 0, off, x || code === 0x80 ? 0 : imm()));
    } else if (kind === 6) {
      const endian = pick([0xd4, 0xdc, 0xd7]);
      out.push(insn(endian, reg(), 0, 0, pick([16, 32, 64])));
    } else if (kind === 7) {
      out.push(insn(0x18, reg(), 0, 0, imm(), imm()));
      i++; // a lddw takes two slots but we count instructions here
    } else if (kind < 10) {
      // load/store on the stack or the memory region, sizes 1/2/4/8, sometimes out of bounds
      const size = pick([0x00, 0x08, 0x10, 0x18]);
      const bytes = { 0: 4, 8: 2, 16: 1, 24: 8 }[size]!;
      const stack = next() % 2 === 0;
      const base = stack ? 10 : 1;
      let off = stack ? -bytes * (1 + (next() % (512 / bytes))) : bytes * (next() % (64 / bytes));
      if (next() % 25 === 0) off += pick([-600, 1, 600, 64, -1]);
      const form = next() % 4;
      if (form === 0) out.push(insn(0x61 | size, reg(), base, off));
      else if (form === 1 && size !== 0x18) out.push(insn(0x81 | size, reg(), base, off));
      else if (form === 2 || form === 1) out.push(insn(0x62 | size, base, 0, off, imm()));
      else out.push(insn(0x63 | size, base, reg(), off));
    } else if (kind < 14 && left > 0) {
      const wide = next() % 2 === 0;
      const x = next() % 2 === 0;
      // Mostly forward; some backward jumps make loops that the budget must stop identically.
      const off = next() % 6 === 0 ? -(next() % Math.max(1, i + 1)) - 1 : next() % (left + 1);
      const op = pick(JMP_CODES) | (wide ? 0x05 : 0x06) | (x ? 0x08 : 0);
      out.push(insn(op, reg(), x ? reg() : 0, off, x ? 0 : imm()));
    } else if (kind === 14 && next() % 3 === 0) {
      // LD_ABS / LD_IND (skb->data is 14 bytes into the 64-byte memory), sometimes past the end or
      // in the negative SKF_*_OFF ranges
      const op = pick([0x20, 0x28, 0x30, 0x40, 0x48, 0x50]);
      const off = pick([0, 1, 2, 10, 46, 48, 49, 50, 60, -1, -0x100000, -0x200000 + 3]);
      out.push(insn(op, 0, op >= 0x40 ? reg() : 0, 0, off));
    } else if (kind === 14) {
      out.push(insn(0x85, 0, 1, 0, calleeAt - out.length - 1 + countWide(out)));
    } else {
      out.push(insn(0x85, 0, 0, 0, 5)); // the unwind helper: r1 != 0, so it continues
    }
  }
  out.push(insn(0x95));
  // callee: some arithmetic, a stack write, sometimes a recursive call (too deep => fault), exit
  out.push(insn(0xb7, 0, 0, 0, next() % 100));
  out.push(insn(0x7b, 10, 0, -8));
  if (next() % 3 === 0) out.push(insn(0x85, 0, 1, 0, -3 - (next() % 2)));
  out.push(insn(0x07, 0, 0, 0, 1));
  out.push(insn(0x95));
  return out;
}

/** Extra slots taken by lddws so far (call offsets count slots). */
const countWide = (insns: readonly Insn[]): number => insns.filter((i) => i.opcode === 0x18).length;

function buildProgram(next: () => number): Uint8Array | null {
  const insns = randomProgram(next, 4 + (next() % 40));
  // Fix up call offsets to point at the callee in slots.
  let slot = 0;
  const slotOf: number[] = [];
  for (const i of insns) {
    slotOf.push(slot);
    slot += i.opcode === 0x18 ? 2 : 1;
  }
  const mainExit = insns.findIndex((i) => i.opcode === 0x95);
  const callee = slotOf[mainExit + 1]!;
  insns.forEach((i, k) => {
    if (i.opcode === 0x85 && i.src === 1 && k < mainExit) i.imm = callee - slotOf[k]! - 1;
    // jumps count slots too: convert instruction offsets into slot offsets
    if ((i.opcode & 7) === 0x05 || (i.opcode & 7) === 0x06) {
      if (i.opcode === 0x85 || i.opcode === 0x95) return;
      const target = Math.min(Math.max(k + i.off + 1, 0), insns.length - 1);
      i.off = slotOf[target]! - slotOf[k]! - 1;
    }
  });
  try {
    prepareProgram(encodeProgram(insns));
    return encodeProgram(insns);
  } catch (e) {
    if (process.env.DEBUG_RANDOM) console.log(String(e));
    return null; // the decoder refused it (e.g. an invalid field combination): nothing to compare
  }
}

describe('JIT vs interpreter on random programs', () => {
  for (const slowMemory of [false, true]) {
    it(`agrees on ${slowMemory ? 'memory outside' : 'memory inside'} linear memory`, () => {
      const next = rng(slowMemory ? 0x1234 : 0x9876);
      let compared = 0;
      let faults = 0;
      for (let round = 0; round < 400; round++) {
        const bytes = buildProgram(next);
        if (bytes === null) continue;
        const memory = Uint8Array.from({ length: 64 }, () => next() & 0xff);
        const budget = next() % 4 === 0 ? 1 + (next() % 200) : 5000;
        const program = prepareProgram(bytes);
        const interp = runEngine(program, memory, 'interpreter', { budget, slowMemory });
        const jit = runEngine(program, memory, 'jit', { budget, slowMemory });
        expect(jit.engine).toBe('jit');
        expect(jit.observed, `round ${round}: ${Buffer.from(bytes).toString('hex')}`).toEqual(interp.observed);
        compared++;
        if (interp.observed.result.startsWith('fault')) faults++;
      }
      expect(compared).toBeGreaterThan(350);
      // Both outcomes must be well represented for the comparison to mean something.
      expect(faults).toBeGreaterThan(30);
      expect(compared - faults).toBeGreaterThan(30);
    });
  }
});
