/**
 * 32-bit ALU operations (scalar-alu.ts, scalarAlu32) and 32-bit jumps (branch.ts, branchTaken32 and
 * refine32) have number-only paths. They must give exactly what the bigint paths give: this compares
 * the two on random register pairs, narrow and wide, synced and raw (contradictory included), for every
 * operation (a fixed seed, so failures reproduce).
 */
import { describe, expect, it } from 'vitest';
import { AluOp, JmpOp } from '../../src/bpf/isa';
import { syncBounds } from '../../src/bpf/verifier/bounds';
import { branchTaken, branchTakenReference, refine, refineReference } from '../../src/bpf/verifier/branch';
import { unknownScalar, type Reg } from '../../src/bpf/verifier/reg';
import { scalarAlu, scalarAluReference } from '../../src/bpf/verifier/scalar-alu';

/** mulberry32: unlike a plain LCG, its low bits are as random as its high ones (the choices use `% k`). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const WIDE = [0n, -1n, -(1n << 63n), (1n << 63n) - 1n, (1n << 64n) - 1n, 1n << 32n, (1n << 32n) + 5n, -5n, 0xffffffffn];

function randomReg(next: () => number): Reg {
  const small = (): number => {
    const x = next();
    switch (next() % 8) {
      case 0:
        return 0;
      case 1:
        return 0xffffffff;
      case 2:
        return x & 0xff;
      case 3:
        return x & 0xffff;
      case 4:
        return x >>> 0;
      case 5:
        return x & 31;
      case 6:
        return (0x80000000 + (x & 7) - 4) >>> 0;
      default:
        return 0x7fffffff + (x & 3) - 1;
    }
  };
  const value = (): bigint => {
    const k = next() % 5;
    if (k === 0) return WIDE[next() % WIDE.length]!;
    // Some values with a non-zero high half.
    if (k === 1) return (BigInt(small()) << 32n) | BigInt(small());
    return BigInt(small());
  };
  const pair = <T>(make: () => T): [T, T] => {
    const a = make();
    const b = make();
    // Mostly ordered; sometimes contradictory.
    return next() % 6 !== 0 && a > b ? [b, a] : [a, b];
  };
  const r = unknownScalar();
  if (next() % 4 === 0) {
    // A constant.
    const v = BigInt.asUintN(64, value());
    r.varOff = { value: v, mask: 0n };
    syncBounds(r);
    return r;
  }
  [r.umin, r.umax] = pair(value).map((v) => BigInt.asUintN(64, v)) as [bigint, bigint];
  if (next() % 2) [r.smin, r.smax] = pair(value).map((v) => BigInt.asIntN(64, v)) as [bigint, bigint];
  if (next() % 3) {
    const mask = next() % 3 === 0 ? 0 : small();
    const high = next() % 3 === 0 ? BigInt(small()) << 32n : 0n;
    r.varOff = { value: high | BigInt((small() & ~mask) >>> 0), mask: BigInt(mask) };
  }
  if (next() % 2) [r.u32min, r.u32max] = pair(small);
  if (next() % 2) [r.s32min, r.s32max] = pair(() => small() | 0);
  if (next() % 2) syncBounds(r);
  return r;
}

const clone = (r: Reg): Reg => ({ ...r, varOff: { ...r.varOff } });
const text = (r: Reg): string => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

const ALU_OPS = Object.values(AluOp).filter((op) => op !== AluOp.MOV && op !== AluOp.END);
const JMP_OPS = Object.values(JmpOp).filter((op) => op !== JmpOp.JA && op !== JmpOp.CALL && op !== JmpOp.EXIT);
const N = 15_000;

describe('32-bit ALU and jump number paths', () => {
  it(`scalarAlu (32-bit) matches the bigint path on ${N} random pairs per operation`, () => {
    const next = rng(20261122);
    let first = '';
    let mismatches = 0;
    for (const op of ALU_OPS) {
      for (let n = 0; n < N; n++) {
        const dst = randomReg(next);
        const src = op === AluOp.NEG ? dst : randomReg(next);
        const before = `op ${op}: ${text(dst)} ${text(src)}`;
        const a = clone(dst);
        const b = clone(dst);
        scalarAlu(a, op === AluOp.NEG ? a : src, op, 32);
        scalarAluReference(b, op === AluOp.NEG ? b : src, op, 32);
        if (text(a) !== text(b)) {
          mismatches++;
          first ||= `${before}\n  number path: ${text(a)}\n  reference:   ${text(b)}`;
        }
      }
    }
    expect(first).toBe('');
    expect(mismatches).toBe(0);
  });

  it(`branchTaken and refine (32-bit) match the bigint paths on ${N} random pairs per operation`, () => {
    const next = rng(6180);
    let first = '';
    let mismatches = 0;
    for (const op of JMP_OPS) {
      for (let n = 0; n < N; n++) {
        const x = randomReg(next);
        // Sometimes the same register on both sides (`if w1 != w1`).
        const same = next() % 20 === 0;
        const y = same ? x : randomReg(next);
        const before = `op ${op}: ${text(x)} ${text(y)}`;
        const taken = branchTaken(x, y, op, true);
        const takenRef = branchTakenReference(x, y, op, true);
        const a1 = clone(x);
        const b1 = same ? a1 : clone(y);
        const a2 = clone(x);
        const b2 = same ? a2 : clone(y);
        refine(a1, b1, op, true);
        refineReference(a2, b2, op, true);
        const got = `${taken} ${text(a1)} ${text(b1)}`;
        const want = `${takenRef} ${text(a2)} ${text(b2)}`;
        if (got !== want) {
          mismatches++;
          first ||= `${before}\n  number path: ${got}\n  reference:   ${want}`;
        }
      }
    }
    expect(first).toBe('');
    expect(mismatches).toBe(0);
  });
});
