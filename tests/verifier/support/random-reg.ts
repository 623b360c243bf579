/**
 * Random scalar register states for the tests that compare the verifier's number-only fast paths
 * with their bigint references: narrow and wide values, constants, values with a non-zero high half,
 * ordered and contradictory ranges. `sync: false` leaves the ranges raw (never passed through
 * syncBounds), for testing syncBounds itself.
 */
import { syncBounds } from '../../../src/bpf/verifier/bounds';
import { unknownScalar, type Reg } from '../../../src/bpf/verifier/reg';

/** mulberry32: unlike a plain LCG, its low bits are as random as its high ones (the choices use `% k`). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const WIDE = [0n, -1n, -(1n << 63n), (1n << 63n) - 1n, (1n << 64n) - 1n, 1n << 32n, (1n << 32n) + 5n, -5n, 0xffffffffn];

export function randomReg(next: () => number, opts: { sync: boolean }): Reg {
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
    if (opts.sync) syncBounds(r);
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
  if (opts.sync && next() % 2) syncBounds(r);
  return r;
}

export const clone = (r: Reg): Reg => ({ ...r, varOff: { ...r.varOff } });
export const text = (r: Reg): string => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
