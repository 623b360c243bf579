/**
 * Tristate numbers ("tnums"): what is known about the bits of a 64-bit value. A bit is known when it
 * is clear in `mask`, and then its value is the bit in `value`; bits set in `mask` are unknown.
 * Invariant: value & mask === 0. Values are unsigned 64-bit bigints.
 */
export interface Tnum {
  readonly value: bigint;
  readonly mask: bigint;
}

export const U64 = (1n << 64n) - 1n;
export const U32 = (1n << 32n) - 1n;
export const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);

export const tnumConst = (v: bigint): Tnum => ({ value: u64(v), mask: 0n });
export const TNUM_UNKNOWN: Tnum = { value: 0n, mask: U64 };

export const tnumIsConst = (t: Tnum): boolean => t.mask === 0n;
export const tnumIsUnknown = (t: Tnum): boolean => t.mask === U64;

const TWO_32 = 2 ** 32;
/** Below 2^53 a bigint converts to a number exactly, so its bits can be counted without bigint shifts. */
const EXACT = 1n << 53n;

/** Number of significant bits of a non-negative value below 2^64 (without a string round trip). */
function bitLength(x: bigint): number {
  if (x < EXACT) {
    const n = Number(x);
    return n < TWO_32 ? 32 - Math.clz32(n) : 64 - Math.clz32(Math.floor(n / TWO_32));
  }
  return 64 - Math.clz32(Number(x >> 32n));
}

/** Low-bit masks 2^k - 1, k = 0..64, so tnumRange allocates no new bigints for them. */
const LOW_MASKS: readonly bigint[] = Array.from({ length: 65 }, (_, k) => (1n << BigInt(k)) - 1n);

/** The smallest tnum holding every value in [min, max] (unsigned). */
export function tnumRange(min: bigint, max: bigint): Tnum {
  if (min === 0n && max === U64) return TNUM_UNKNOWN;
  const chi = min ^ max;
  if (chi === 0n) return { value: min, mask: 0n };
  const bits = bitLength(chi);
  if (bits > 63) return TNUM_UNKNOWN;
  const delta = LOW_MASKS[bits]!;
  return { value: min & ~delta, mask: delta };
}

export const tnumLshift = (a: Tnum, s: number): Tnum => ({
  value: u64(a.value << BigInt(s)),
  mask: u64(a.mask << BigInt(s)),
});
export const tnumRshift = (a: Tnum, s: number): Tnum => ({ value: a.value >> BigInt(s), mask: a.mask >> BigInt(s) });

/** Arithmetic right shift of the value viewed as `bits` wide (32 or 64). */
export function tnumArshift(a: Tnum, s: number, bits: 32 | 64): Tnum {
  const n = BigInt(bits);
  const v = BigInt.asIntN(bits, a.value) >> BigInt(s);
  const m = BigInt.asIntN(bits, a.mask) >> BigInt(s);
  return { value: BigInt.asUintN(Number(n), v), mask: BigInt.asUintN(Number(n), m) };
}

export function tnumAdd(a: Tnum, b: Tnum): Tnum {
  const sm = u64(a.mask + b.mask);
  const sv = u64(a.value + b.value);
  const sigma = u64(sm + sv);
  const chi = sigma ^ sv;
  const mu = chi | a.mask | b.mask;
  return { value: sv & ~mu & U64, mask: mu };
}

export function tnumSub(a: Tnum, b: Tnum): Tnum {
  const dv = u64(a.value - b.value);
  const alpha = u64(dv + a.mask);
  const beta = u64(dv - b.mask);
  const chi = alpha ^ beta;
  const mu = chi | a.mask | b.mask;
  return { value: dv & ~mu & U64, mask: mu };
}

export const tnumNeg = (a: Tnum): Tnum => tnumSub(tnumConst(0n), a);

export function tnumAnd(a: Tnum, b: Tnum): Tnum {
  const alpha = a.value | a.mask;
  const beta = b.value | b.mask;
  const v = a.value & b.value;
  return { value: v, mask: alpha & beta & ~v & U64 };
}

export function tnumOr(a: Tnum, b: Tnum): Tnum {
  const v = a.value | b.value;
  const mu = a.mask | b.mask;
  return { value: v, mask: mu & ~v & U64 };
}

export function tnumXor(a: Tnum, b: Tnum): Tnum {
  const v = a.value ^ b.value;
  const mu = a.mask | b.mask;
  return { value: v & ~mu & U64, mask: mu };
}

/** Multiplication by shift-and-add over the known/unknown bits of `a`. */
export function tnumMul(a: Tnum, b: Tnum): Tnum {
  let acc: Tnum = tnumConst(u64(a.value * b.value));
  let accMask: Tnum = tnumConst(0n);
  let x = a;
  let y = b;
  while (x.value !== 0n || x.mask !== 0n) {
    if ((x.value & 1n) !== 0n) accMask = tnumAdd(accMask, { value: 0n, mask: y.mask });
    else if ((x.mask & 1n) !== 0n) accMask = tnumAdd(accMask, { value: 0n, mask: y.value | y.mask });
    // Once every bit is unknown, adding more cannot make any known again: the product is unknown.
    if (accMask.mask === U64) return TNUM_UNKNOWN;
    x = tnumRshift(x, 1);
    y = tnumLshift(y, 1);
  }
  acc = tnumAdd(acc, accMask);
  return acc;
}

export function tnumIntersect(a: Tnum, b: Tnum): Tnum {
  const v = a.value | b.value;
  const mu = a.mask & b.mask;
  return { value: v & ~mu & U64, mask: mu };
}

/** Low 32 bits only, zero-extended. */
export const tnumSubreg = (a: Tnum): Tnum => ({ value: a.value & U32, mask: a.mask & U32 });
/** Keep the high 32 bits, clear the low 32. */
export const tnumClearSubreg = (a: Tnum): Tnum => ({ value: a.value & ~U32 & U64, mask: a.mask & ~U32 & U64 });
/** Replace the low 32 bits of `a` with `sub`. */
export const tnumWithSubreg = (a: Tnum, sub: Tnum): Tnum => tnumOr(tnumClearSubreg(a), tnumSubreg(sub));
export const tnumConstSubreg = (a: Tnum, v: bigint): Tnum => tnumWithSubreg(a, tnumConst(v & U32));

/** True when every value `b` allows is allowed by `a`. */
export function tnumIn(a: Tnum, b: Tnum): boolean {
  if ((b.mask & ~a.mask & U64) !== 0n) return false;
  return (b.value & ~a.mask & U64) === a.value;
}

/** Truncates to `size` bytes. */
export function tnumCast(a: Tnum, size: number): Tnum {
  if (size >= 8) return a;
  const m = (1n << BigInt(size * 8)) - 1n;
  return { value: a.value & m, mask: a.mask & m };
}

export const tnumEquals = (a: Tnum, b: Tnum): boolean => a.value === b.value && a.mask === b.mask;
export const tnumIsAligned = (a: Tnum, size: number): boolean =>
  size === 0 ? true : ((a.value | a.mask) & BigInt(size - 1)) === 0n;
