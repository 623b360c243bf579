/**
 * 32-bit ALU operations (scalar-alu.ts, scalarAlu32) and 32-bit jumps (branch.ts, branchTaken32 and
 * refine32) have number-only paths. They must give exactly what the bigint paths give: this compares
 * the two on random register pairs, narrow and wide, synced and raw (contradictory included), for every
 * operation (a fixed seed, so failures reproduce).
 */
import { describe, expect, it } from 'vitest';
import { AluOp, JmpOp } from '../../src/bpf/isa';
import { branchTaken, branchTakenReference, refine, refineReference } from '../../src/bpf/verifier/branch';
import { scalarAlu, scalarAluReference } from '../../src/bpf/verifier/scalar-alu';
import { clone, randomReg, rng, text } from './support/random-reg';

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
        const dst = randomReg(next, { sync: true });
        const src = op === AluOp.NEG ? dst : randomReg(next, { sync: true });
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
        const x = randomReg(next, { sync: true });
        // Sometimes the same register on both sides (`if w1 != w1`).
        const same = next() % 20 === 0;
        const y = same ? x : randomReg(next, { sync: true });
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
