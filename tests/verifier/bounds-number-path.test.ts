/**
 * syncBounds has a number-only path for values known to lie in [0, 2^32) (bounds.ts, syncBounds32).
 * It must give exactly what the bigint deduction gives: this compares the two on random register
 * states, narrow and wide, consistent and contradictory (a fixed seed, so failures reproduce).
 */
import { describe, expect, it } from 'vitest';
import { syncBounds, syncBoundsReference } from '../../src/bpf/verifier/bounds';
import { unknownScalar, type Reg } from '../../src/bpf/verifier/reg';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
}

const WIDE = [0n, -1n, -(1n << 63n), (1n << 63n) - 1n, (1n << 64n) - 1n, 1n << 32n, (1n << 32n) + 5n, -5n, 0xffffffffn];

function randomReg(next: () => number): Reg {
  const small = (): number => {
    const x = next();
    switch (next() % 6) {
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
      default:
        return 0x7fffffff + (x & 3) - 1;
    }
  };
  const value = (): bigint => (next() % 4 === 0 ? WIDE[next() % WIDE.length]! : BigInt(small()));
  const pair = <T>(make: () => T): [T, T] => {
    const a = make();
    const b = make();
    // Mostly ordered; sometimes contradictory.
    return next() % 5 !== 0 && a > b ? [b, a] : [a, b];
  };
  const r = unknownScalar();
  [r.umin, r.umax] = pair(value).map((v) => BigInt.asUintN(64, v)) as [bigint, bigint];
  if (next() % 2) [r.smin, r.smax] = pair(value).map((v) => BigInt.asIntN(64, v)) as [bigint, bigint];
  if (next() % 3) {
    const mask = next() % 3 === 0 ? 0 : small();
    r.varOff = { value: BigInt((small() & ~mask) >>> 0), mask: BigInt(mask) };
  }
  if (next() % 2) [r.u32min, r.u32max] = pair(small);
  if (next() % 2) [r.s32min, r.s32max] = pair(() => small() | 0);
  return r;
}

const text = (r: Reg): string => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

describe('syncBounds number path', () => {
  it('matches the bigint deduction on 200,000 random states', () => {
    const next = rng(20261122);
    let mismatches = 0;
    let first = '';
    for (let n = 0; n < 200_000; n++) {
      const a = randomReg(next);
      const b: Reg = { ...a, varOff: { ...a.varOff } };
      const before = text(a);
      syncBounds(a);
      syncBoundsReference(b);
      if (text(a) !== text(b)) {
        mismatches++;
        first ||= `${before}\n  number path: ${text(a)}\n  reference:   ${text(b)}`;
      }
    }
    expect(first).toBe('');
    expect(mismatches).toBe(0);
  });
});
