/**
 * Keeping a scalar's five views of itself consistent: signed and unsigned 64-bit ranges, signed and
 * unsigned 32-bit ranges of the low half, and the known bits (tnum). Each view can tighten the
 * others; `syncBounds` runs that deduction to a fixpoint-enough state after every operation.
 */
import { S32_MAX, S32_MIN, S64_MAX, S64_MIN, U32_MAX, markUnbounded, type Reg } from './reg';
import { tnumIntersect, tnumRange, tnumSubreg, tnumWithSubreg, U32, U64 } from './tnum';

const maxB = (a: bigint, b: bigint): bigint => (a > b ? a : b);
const minB = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const s32 = (x: number): number => x | 0;
const u32 = (x: number): number => x >>> 0;
const sBig = (u: bigint): bigint => BigInt.asIntN(64, u);
const uBig = (s: bigint): bigint => BigInt.asUintN(64, s);

/** Bounds implied by the known bits. */
function boundsFromTnum(r: Reg): void {
  const t = r.varOff;
  const sign64 = 1n << 63n;
  r.smin = maxB(r.smin, sBig(t.value | (t.mask & sign64)));
  r.smax = minB(r.smax, sBig(t.value | (t.mask & S64_MAX)));
  r.umin = maxB(r.umin, t.value);
  r.umax = minB(r.umax, t.value | t.mask);
  const v32 = Number(t.value & U32);
  const m32 = Number(t.mask & U32);
  r.s32min = Math.max(r.s32min, s32(v32 | (m32 & 0x80000000)));
  r.s32max = Math.min(r.s32max, s32(v32 | (m32 & 0x7fffffff)));
  r.u32min = Math.max(r.u32min, v32);
  r.u32max = Math.min(r.u32max, u32(v32 | m32));
}

const SIGN64 = 1n << 63n;

/**
 * Comparisons across the signed/unsigned views without converting (bigint conversions allocate, and
 * these run for every operation). Both values are 64-bit, in either view.
 */
/** Whether two values (both signed or both unsigned 64-bit) have the same upper 32 bits. */
function sameHigh(a: bigint, b: bigint): boolean {
  const x = a ^ b;
  return x >= 0n && x <= U32;
}

/** asIntN(64, a) <= asIntN(64, b) for unsigned a, b. */
function signedLe(a: bigint, b: bigint): boolean {
  const negA = a >= SIGN64;
  return negA === b >= SIGN64 ? a <= b : negA;
}

/** asUintN(64, a) <= asUintN(64, b) for signed a, b. */
function unsignedLe(a: bigint, b: bigint): boolean {
  const negA = a < 0n;
  return negA === b < 0n ? a <= b : !negA;
}

function deduce32(r: Reg): void {
  // 32-bit views from the 64-bit ones, when the upper halves agree.
  if (sameHigh(r.umin, r.umax)) {
    const lo = Number(r.umin & U32);
    const hi = Number(r.umax & U32);
    r.u32min = Math.max(r.u32min, lo);
    r.u32max = Math.min(r.u32max, hi);
    if (s32(lo) <= s32(hi)) {
      r.s32min = Math.max(r.s32min, s32(lo));
      r.s32max = Math.min(r.s32max, s32(hi));
    }
  }
  if (sameHigh(r.smin, r.smax)) {
    const lo = Number(BigInt.asUintN(32, r.smin));
    const hi = Number(BigInt.asUintN(32, r.smax));
    if (s32(lo) <= s32(hi)) {
      r.s32min = Math.max(r.s32min, s32(lo));
      r.s32max = Math.min(r.s32max, s32(hi));
    }
    if (lo <= hi) {
      r.u32min = Math.max(r.u32min, lo);
      r.u32max = Math.min(r.u32max, hi);
    }
  }
  // Signed and unsigned 32-bit views, when the range does not cross the sign boundary.
  if (s32(r.u32min) <= s32(r.u32max)) {
    r.s32min = Math.max(r.s32min, s32(r.u32min));
    r.s32max = Math.min(r.s32max, s32(r.u32max));
  }
  if (u32(r.s32min) <= u32(r.s32max)) {
    r.u32min = Math.max(r.u32min, u32(r.s32min));
    r.u32max = Math.min(r.u32max, u32(r.s32max));
  }
}

function deduce64(r: Reg): void {
  if (signedLe(r.umin, r.umax)) {
    r.smin = maxB(r.smin, sBig(r.umin));
    r.smax = minB(r.smax, sBig(r.umax));
  }
  if (unsignedLe(r.smin, r.smax)) {
    r.umin = maxB(r.umin, uBig(r.smin));
    r.umax = minB(r.umax, uBig(r.smax));
  }
  // The low half's range narrows the 64-bit range when the high half is fixed.
  if (sameHigh(r.umin, r.umax)) {
    const hi = r.umin & ~U32 & U64;
    r.umin = maxB(r.umin, hi | BigInt(r.u32min));
    r.umax = minB(r.umax, hi | BigInt(r.u32max));
  }
}

/** Everything known is nothing: no view can tighten another. */
const isUnbounded = (r: Reg): boolean =>
  r.varOff.mask === U64 &&
  r.umin === 0n &&
  r.umax === U64 &&
  r.smin === S64_MIN &&
  r.smax === S64_MAX &&
  r.u32min === 0 &&
  r.u32max === U32_MAX &&
  r.s32min === S32_MIN &&
  r.s32max === S32_MAX;

type Views = Pick<Reg, 'smin' | 'smax' | 'umin' | 'umax' | 's32min' | 's32max' | 'u32min' | 'u32max' | 'varOff'>;

const viewsOf = (r: Reg): Views => ({
  smin: r.smin,
  smax: r.smax,
  umin: r.umin,
  umax: r.umax,
  s32min: r.s32min,
  s32max: r.s32max,
  u32min: r.u32min,
  u32max: r.u32max,
  varOff: r.varOff,
});

const sameViews = (r: Reg, v: Views): boolean =>
  r.smin === v.smin &&
  r.smax === v.smax &&
  r.umin === v.umin &&
  r.umax === v.umax &&
  r.s32min === v.s32min &&
  r.s32max === v.s32max &&
  r.u32min === v.u32min &&
  r.u32max === v.u32max &&
  r.varOff.value === v.varOff.value &&
  r.varOff.mask === v.varOff.mask;

/** Re-derives every view from the others. Call after any change to a scalar's bounds. */
export function syncBounds(r: Reg): void {
  syncBoundsWith(r, true);
}

/** syncBounds without the number-only path (syncBounds32): the reference tests compare that path with. */
export function syncBoundsReference(r: Reg): void {
  syncBoundsWith(r, false);
}

function syncBoundsWith(r: Reg, numberPath: boolean): void {
  if (r.varOff.mask === 0n) {
    // A constant: every view follows from the value (contradictions are handled below as usual).
    const v = r.varOff.value;
    if (r.umin <= v && v <= r.umax && r.smin <= BigInt.asIntN(64, v) && BigInt.asIntN(64, v) <= r.smax) {
      const lo = Number(v & U32);
      if (r.u32min <= lo && lo <= r.u32max && r.s32min <= (lo | 0) && (lo | 0) <= r.s32max) {
        r.umin = r.umax = v;
        r.smin = r.smax = BigInt.asIntN(64, v);
        r.u32min = r.u32max = lo;
        r.s32min = r.s32max = lo | 0;
        return;
      }
    }
  }
  if (isUnbounded(r)) return;
  if (numberPath && syncBounds32(r)) return;
  const start = viewsOf(r);
  for (let round = 0; round < 2; round++) {
    boundsFromTnum(r);
    deduce32(r);
    deduce64(r);
    r.varOff = tnumIntersect(r.varOff, tnumRange(r.umin, r.umax));
    r.varOff = tnumWithSubreg(
      r.varOff,
      tnumIntersect(tnumSubreg(r.varOff), tnumRange(BigInt(r.u32min), BigInt(r.u32max))),
    );
    // A round depends on the views alone: if the first changed nothing, the second would not either.
    if (round === 0 && sameViews(r, start)) break;
  }
  if (r.smin > r.smax || r.umin > r.umax || r.s32min > r.s32max || r.u32min > r.u32max) {
    // Contradictory bounds only arise on paths that cannot execute; keep the state well-formed.
    markUnbounded(r);
  }
}

/** tnumRange's mask on unsigned 32-bit numbers: the bits below the highest one where min and max differ. */
const rangeMask32 = (min: number, max: number): number => (min === max ? 0 : 0xffffffff >>> Math.clz32(min ^ max));

/**
 * syncBounds for the common case of a value known to lie in [0, 2^32): known bits within 0..U32_MAX,
 * smin <= U32_MAX, smax >= 0 and umin <= U32_MAX, so that after boundsFromTnum all four 64-bit bounds
 * are in 0..U32_MAX (contradictory or not). Then every step of the general deduction reduces to the
 * same step on numbers (the high half is zero, the signed and unsigned 64-bit views coincide), so this
 * runs those steps in the same order on numbers and writes back only what changed. Bounds only move
 * inwards, so they stay in 0..U32_MAX throughout. Returns false (doing nothing) outside that case;
 * results are identical to the bigint path's (tests/verifier/bounds-number-path.test.ts).
 */
function syncBounds32(r: Reg): boolean {
  const t = r.varOff;
  if (t.value > U32 || t.mask > U32 || r.smin > U32 || r.smax < 0n || r.umin > U32) return false;
  // A negative smin, or smax or umax above U32_MAX, is replaced by the known bits' bound in the first
  // step (boundsFromTnum); Number() keeps their order against 0..U32_MAX, and their inexact values
  // never survive that step (they only make the views compare as changed, as they have).
  const smin0 = (N[SMIN] = Number(r.smin));
  const smax0 = (N[SMAX] = Number(r.smax));
  const umin0 = (N[UMIN] = Number(r.umin));
  const umax0 = (N[UMAX] = Number(r.umax));
  const tv0 = (N[TV] = Number(t.value));
  const tm0 = (N[TM] = Number(t.mask));
  N[S32MIN] = r.s32min;
  N[S32MAX] = r.s32max;
  N[U32MIN] = r.u32min;
  N[U32MAX] = r.u32max;
  if (!deduceNumbers()) {
    markUnbounded(r);
    return true;
  }
  if (N[SMIN]! !== smin0) r.smin = BigInt(N[SMIN]!);
  if (N[SMAX]! !== smax0) r.smax = BigInt(N[SMAX]!);
  if (N[UMIN]! !== umin0) r.umin = BigInt(N[UMIN]!);
  if (N[UMAX]! !== umax0) r.umax = BigInt(N[UMAX]!);
  if (N[TV]! !== tv0 || N[TM]! !== tm0) r.varOff = { value: BigInt(N[TV]!), mask: BigInt(N[TM]!) };
  r.s32min = N[S32MIN]!;
  r.s32max = N[S32MAX]!;
  r.u32min = N[U32MIN]!;
  r.u32max = N[U32MAX]!;
  return true;
}

// syncBounds32's state: the ten views as numbers, in a typed array so that storing them allocates nothing.
const N = new Float64Array(10);
const [SMIN, SMAX, UMIN, UMAX, TV, TM, S32MIN, S32MAX, U32MIN, U32MAX] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * The deduction rounds of syncBounds32 on the state in N (see there for why they are exact). Returns
 * false when the views contradict each other (the state is then to be made unbounded).
 */
function deduceNumbers(): boolean {
  let smin = N[SMIN]!;
  let smax = N[SMAX]!;
  let umin = N[UMIN]!;
  let umax = N[UMAX]!;
  let tv = N[TV]!;
  let tm = N[TM]!;
  let s32min = N[S32MIN]!;
  let s32max = N[S32MAX]!;
  let u32min = N[U32MIN]!;
  let u32max = N[U32MAX]!;
  for (let round = 0; round < 2; round++) {
    // boundsFromTnum
    smin = Math.max(smin, tv);
    smax = Math.min(smax, (tv | tm) >>> 0);
    umin = Math.max(umin, tv);
    umax = Math.min(umax, (tv | tm) >>> 0);
    s32min = Math.max(s32min, s32(tv | (tm & 0x80000000)));
    s32max = Math.min(s32max, s32(tv | (tm & 0x7fffffff)));
    u32min = Math.max(u32min, tv);
    u32max = Math.min(u32max, u32(tv | tm));
    // deduce32: the upper halves of both 64-bit ranges agree (zero).
    u32min = Math.max(u32min, umin);
    u32max = Math.min(u32max, umax);
    if (s32(umin) <= s32(umax)) {
      s32min = Math.max(s32min, s32(umin));
      s32max = Math.min(s32max, s32(umax));
    }
    if (s32(smin) <= s32(smax)) {
      s32min = Math.max(s32min, s32(smin));
      s32max = Math.min(s32max, s32(smax));
    }
    if (smin <= smax) {
      u32min = Math.max(u32min, smin);
      u32max = Math.min(u32max, smax);
    }
    if (s32(u32min) <= s32(u32max)) {
      s32min = Math.max(s32min, s32(u32min));
      s32max = Math.min(s32max, s32(u32max));
    }
    if (u32(s32min) <= u32(s32max)) {
      u32min = Math.max(u32min, u32(s32min));
      u32max = Math.min(u32max, u32(s32max));
    }
    // deduce64: both 64-bit ranges are non-negative, so signed and unsigned compare alike.
    if (umin <= umax) {
      smin = Math.max(smin, umin);
      smax = Math.min(smax, umax);
    }
    if (smin <= smax) {
      umin = Math.max(umin, smin);
      umax = Math.min(umax, smax);
    }
    umin = Math.max(umin, u32min);
    umax = Math.min(umax, u32max);
    // Known bits from the 64-bit range, then from the 32-bit one (the same low half).
    let d = rangeMask32(umin, umax);
    tv = (tv | (umin & ~d)) >>> 0;
    tm = (tm & d) >>> 0;
    tv = (tv & ~tm) >>> 0;
    d = rangeMask32(u32min, u32max);
    tv = (tv | (u32min & ~d)) >>> 0;
    tm = (tm & d) >>> 0;
    tv = (tv & ~tm) >>> 0;
    if (
      round === 0 &&
      smin === N[SMIN]! &&
      smax === N[SMAX]! &&
      umin === N[UMIN]! &&
      umax === N[UMAX]! &&
      tv === N[TV]! &&
      tm === N[TM]! &&
      s32min === N[S32MIN]! &&
      s32max === N[S32MAX]! &&
      u32min === N[U32MIN]! &&
      u32max === N[U32MAX]!
    )
      break;
  }
  N[SMIN] = smin;
  N[SMAX] = smax;
  N[UMIN] = umin;
  N[UMAX] = umax;
  N[TV] = tv;
  N[TM] = tm;
  N[S32MIN] = s32min;
  N[S32MAX] = s32max;
  N[U32MIN] = u32min;
  N[U32MAX] = u32max;
  return !(smin > smax || umin > umax || s32min > s32max || u32min > u32max);
}

/**
 * The end of a 32-bit ALU operation on numbers, for 32-bit views (s32min..u32max, in their number
 * ranges) and known low bits (tv, tm): exactly `markUnbounded(r)`, setting those views and
 * `r.varOff = {tv, tm}`, then `syncBounds(r); zext32(r); syncBounds(r)` (scalar-alu.ts applyView),
 * with every step on numbers and the bigints written once.
 */
export function finishAlu32(
  r: Reg,
  s32min: number,
  s32max: number,
  u32min: number,
  u32max: number,
  tv: number,
  tm: number,
): void {
  // First syncBounds, on 64-bit views that are unbounded. The constant case first, as syncBounds.
  if (tm === 0 && u32min <= tv && tv <= u32max && s32min <= (tv | 0) && (tv | 0) <= s32max) {
    s32min = s32max = tv | 0;
    u32min = u32max = tv;
  } else {
    N[SMIN] = -(2 ** 63);
    N[SMAX] = 2 ** 63;
    N[UMIN] = 0;
    N[UMAX] = 2 ** 64;
    N[TV] = tv;
    N[TM] = tm;
    N[S32MIN] = s32min;
    N[S32MAX] = s32max;
    N[U32MIN] = u32min;
    N[U32MAX] = u32max;
    if (deduceNumbers()) {
      s32min = N[S32MIN]!;
      s32max = N[S32MAX]!;
      u32min = N[U32MIN]!;
      u32max = N[U32MAX]!;
      tv = N[TV]!;
      tm = N[TM]!;
    } else {
      // markUnbounded, whose 32-bit known bits are then all unknown (zext32 keeps the low half).
      [s32min, s32max, u32min, u32max, tv, tm] = [S32_MIN, S32_MAX, 0, U32_MAX, 0, 0xffffffff];
    }
  }
  // zext32: the 64-bit views are the low half's unsigned range. Then the second syncBounds.
  if (tm === 0 && u32min <= tv && tv <= u32max && s32min <= (tv | 0) && (tv | 0) <= s32max) {
    const v = BigInt(tv);
    r.smin = r.smax = r.umin = r.umax = v;
    r.s32min = r.s32max = tv | 0;
    r.u32min = r.u32max = tv;
    r.varOff = { value: v, mask: 0n };
    return;
  }
  N[SMIN] = N[UMIN] = u32min;
  N[SMAX] = N[UMAX] = u32max;
  N[TV] = tv;
  N[TM] = tm;
  N[S32MIN] = s32min;
  N[S32MAX] = s32max;
  N[U32MIN] = u32min;
  N[U32MAX] = u32max;
  if (!deduceNumbers()) {
    markUnbounded(r);
    return;
  }
  r.smin = BigInt(N[SMIN]!);
  r.smax = N[SMAX]! === N[SMIN]! ? r.smin : BigInt(N[SMAX]!);
  r.umin = N[UMIN]! === N[SMIN]! ? r.smin : BigInt(N[UMIN]!);
  r.umax = N[UMAX]! === N[SMAX]! ? r.smax : BigInt(N[UMAX]!);
  r.varOff = { value: BigInt(N[TV]!), mask: BigInt(N[TM]!) };
  r.s32min = N[S32MIN]!;
  r.s32max = N[S32MAX]!;
  r.u32min = N[U32MIN]!;
  r.u32max = N[U32MAX]!;
}

/** After a 32-bit operation: the upper half is zero, the 64-bit view is the zero-extended low half. */
export function zext32(r: Reg): void {
  r.varOff = tnumSubreg(r.varOff);
  r.umin = BigInt(r.u32min);
  r.umax = BigInt(r.u32max);
  r.smin = r.umin;
  r.smax = r.umax;
}

/** Forget the 32-bit views (before re-deducing them from 64-bit facts). */
export function reset32(r: Reg): void {
  r.s32min = S32_MIN;
  r.s32max = S32_MAX;
  r.u32min = 0;
  r.u32max = U32_MAX;
}

/** Forget the 64-bit views. */
export function reset64(r: Reg): void {
  r.smin = S64_MIN;
  r.smax = S64_MAX;
  r.umin = 0n;
  r.umax = U64;
}

/** Whether signed 64-bit bounds are exactly known to be a single value. */
export const singleValue = (r: Reg): bigint | null => (r.varOff.mask === 0n ? r.varOff.value : null);
