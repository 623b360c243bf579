/**
 * Arithmetic on scalars: new bounds and known bits for every ALU operation, in 64-bit or 32-bit
 * width. Each rule is the tightest simple range that is still sound (wrap-around makes a range
 * unbounded unless every possible result wraps the same way).
 */
import { AluOp } from '../isa';
import { finishAlu32, reset32, syncBounds, zext32 } from './bounds';
import { markUnbounded, type Reg } from './reg';
import {
  tnumAdd,
  tnumAnd,
  tnumArshift,
  tnumConst,
  tnumLshift,
  tnumMul,
  tnumNeg,
  tnumOr,
  tnumRshift,
  tnumSub,
  tnumSubreg,
  tnumXor,
  TNUM_UNKNOWN,
  type Tnum,
} from './tnum';

/** One width's view of a scalar: signed and unsigned range plus known bits, as bigints. */
interface View {
  smin: bigint;
  smax: bigint;
  umin: bigint;
  umax: bigint;
  t: Tnum;
}

const view = (r: Reg, bits: 32 | 64): View =>
  bits === 64
    ? { smin: r.smin, smax: r.smax, umin: r.umin, umax: r.umax, t: r.varOff }
    : {
        smin: BigInt(r.s32min),
        smax: BigInt(r.s32max),
        umin: BigInt(r.u32min),
        umax: BigInt(r.u32max),
        t: tnumSubreg(r.varOff),
      };

interface Limits {
  smin: bigint;
  smax: bigint;
  umax: bigint;
  mod: bigint;
}
const LIMITS_32: Limits = { smin: -(1n << 31n), smax: (1n << 31n) - 1n, umax: (1n << 32n) - 1n, mod: 1n << 32n };
const LIMITS_64: Limits = { smin: -(1n << 63n), smax: (1n << 63n) - 1n, umax: (1n << 64n) - 1n, mod: 1n << 64n };
const limits = (bits: 32 | 64): Limits => (bits === 64 ? LIMITS_64 : LIMITS_32);

/** [lo, hi] reduced modulo 2^bits when every value wraps alike, else null. */
function wrapU(lo: bigint, hi: bigint, bits: 32 | 64): [bigint, bigint] | null {
  const mod = limits(bits).mod;
  // The common case: no wrap-around at all.
  if (lo >= 0n && hi < mod) return [lo, hi];
  if (hi - lo >= mod) return null;
  const floorDiv = (x: bigint): bigint => (x >= 0n ? x / mod : -((-x + mod - 1n) / mod));
  if (floorDiv(lo) !== floorDiv(hi)) return null;
  const base = floorDiv(lo) * mod;
  return [lo - base, hi - base];
}

function wrapS(lo: bigint, hi: bigint, bits: 32 | 64): [bigint, bigint] | null {
  const { smin, smax } = limits(bits);
  if (lo >= smin && hi <= smax) return [lo, hi];
  const shift = -smin;
  const w = wrapU(lo + shift, hi + shift, bits);
  if (!w) return null;
  const r: [bigint, bigint] = [w[0] - shift, w[1] - shift];
  return r[0] >= smin && r[1] <= smax ? r : null;
}

const truncT = (t: Tnum, bits: 32 | 64): Tnum => (bits === 64 ? t : tnumSubreg(t));

function unknownView(bits: 32 | 64): View {
  const l = limits(bits);
  return { smin: l.smin, smax: l.smax, umin: 0n, umax: l.umax, t: truncT(TNUM_UNKNOWN, bits) };
}

function setS(out: View, r: [bigint, bigint] | null): void {
  if (r) [out.smin, out.smax] = r;
}
function setU(out: View, r: [bigint, bigint] | null): void {
  if (r) [out.umin, out.umax] = r;
}

function compute(op: number, a: View, b: View, bits: 32 | 64): View {
  const l = limits(bits);
  const out = unknownView(bits);
  const bConst = b.t.mask === 0n ? b.t.value : null;
  const bothNonNeg = a.smin >= 0n && b.smin >= 0n;
  switch (op) {
    case AluOp.ADD:
      setS(out, wrapS(a.smin + b.smin, a.smax + b.smax, bits));
      setU(out, wrapU(a.umin + b.umin, a.umax + b.umax, bits));
      out.t = truncT(tnumAdd(a.t, b.t), bits);
      break;
    case AluOp.SUB:
      setS(out, wrapS(a.smin - b.smax, a.smax - b.smin, bits));
      setU(out, wrapU(a.umin - b.umax, a.umax - b.umin, bits));
      out.t = truncT(tnumSub(a.t, b.t), bits);
      break;
    case AluOp.MUL: {
      if (a.umax * b.umax <= l.umax) setU(out, [a.umin * b.umin, a.umax * b.umax]);
      const p = [a.smin * b.smin, a.smin * b.smax, a.smax * b.smin, a.smax * b.smax];
      const lo = p.reduce((x, y) => (x < y ? x : y));
      const hi = p.reduce((x, y) => (x > y ? x : y));
      if (lo >= l.smin && hi <= l.smax) setS(out, [lo, hi]);
      out.t = truncT(tnumMul(a.t, b.t), bits);
      break;
    }
    case AluOp.AND:
      out.t = tnumAnd(a.t, b.t);
      setU(out, [out.t.value, a.umax < b.umax ? a.umax : b.umax]);
      if (bothNonNeg) setS(out, [out.umin, out.umax]);
      break;
    case AluOp.OR:
      out.t = tnumOr(a.t, b.t);
      setU(out, [a.umin > b.umin ? a.umin : b.umin, out.t.value | out.t.mask]);
      if (bothNonNeg) setS(out, [out.umin, out.umax]);
      break;
    case AluOp.XOR:
      out.t = tnumXor(a.t, b.t);
      setU(out, [out.t.value, out.t.value | out.t.mask]);
      if (bothNonNeg) setS(out, [out.umin, out.umax]);
      break;
    case AluOp.LSH:
      if (bConst !== null && bConst < BigInt(bits)) {
        const k = bConst;
        if (a.umax << k <= l.umax) setU(out, [a.umin << k, a.umax << k]);
        out.t = truncT(tnumLshift(a.t, Number(k)), bits);
      }
      break;
    case AluOp.RSH:
      if (bConst !== null && bConst < BigInt(bits)) {
        setU(out, [a.umin >> bConst, a.umax >> bConst]);
        out.t = tnumRshift(a.t, Number(bConst));
      }
      break;
    case AluOp.ARSH:
      if (bConst !== null && bConst < BigInt(bits)) {
        setS(out, [a.smin >> bConst, a.smax >> bConst]);
        out.t = tnumArshift(a.t, Number(bConst), bits);
      }
      break;
    // DIV and MOD never get here (see tracked()): Linux 6.18 tracks no bounds for them, not even
    // for constant operands. Folding constants would accept loops the kernel rejects (the fuzzer
    // found one).
  }
  return out;
}

/** dst = dst op src for scalars (src may be a constant wrapped in a Reg). */
export function scalarAlu(dst: Reg, src: Reg, op: number, bits: 32 | 64): void {
  scalarAluWith(dst, src, op, bits, true);
}

/** scalarAlu without the number-only path (scalarAlu32): the reference tests compare that path with. */
export function scalarAluReference(dst: Reg, src: Reg, op: number, bits: 32 | 64): void {
  scalarAluWith(dst, src, op, bits, false);
}

function scalarAluWith(dst: Reg, src: Reg, op: number, bits: 32 | 64, numberPath: boolean): void {
  if (numberPath && bits === 32 && scalarAlu32(dst, src, op)) return;
  if (op === AluOp.NEG) {
    const zero = { smin: 0n, smax: 0n, umin: 0n, umax: 0n, t: tnumConst(0n) };
    const v = compute(AluOp.SUB, zero, view(dst, bits), bits);
    v.t = truncT(tnumNeg(view(dst, bits).t), bits);
    applyView(dst, v, bits);
    return;
  }
  if (!tracked(op, src, bits)) {
    // The kernel gives up on the whole register here, even for 32-bit operations (no zero
    // extension): its result may be any 64-bit value.
    markUnbounded(dst);
    return;
  }
  applyView(dst, compute(op, view(dst, bits), view(src, bits), bits), bits);
}

const TWO32 = 2 ** 32;
const is32 = (r: Reg): boolean =>
  (r.s32min | 0) === r.s32min &&
  (r.s32max | 0) === r.s32max &&
  r.u32min >>> 0 === r.u32min &&
  r.u32max >>> 0 === r.u32max;

// The number path's result: one 32-bit view (as `View`, on numbers), written by the helpers below.
let oSmin = 0;
let oSmax = 0;
let oUmin = 0;
let oUmax = 0;
let oTv = 0;
let oTm = 0;

/** wrapU for 32 bits on numbers (exact: every operand is below 2^34 in magnitude). */
function setU32(lo: number, hi: number): void {
  if (lo >= 0 && hi < TWO32) {
    oUmin = lo;
    oUmax = hi;
    return;
  }
  if (hi - lo >= TWO32) return;
  const q = Math.floor(lo / TWO32);
  if (q !== Math.floor(hi / TWO32)) return;
  oUmin = lo - q * TWO32;
  oUmax = hi - q * TWO32;
}

/** wrapS for 32 bits on numbers. */
function setS32(lo: number, hi: number): void {
  if (lo >= -0x80000000 && hi <= 0x7fffffff) {
    oSmin = lo;
    oSmax = hi;
    return;
  }
  const a = lo + 0x80000000;
  const b = hi + 0x80000000;
  if (b - a >= TWO32) return;
  const q = Math.floor(a / TWO32);
  if (q !== Math.floor(b / TWO32)) return;
  oSmin = a - q * TWO32 - 0x80000000;
  oSmax = b - q * TWO32 - 0x80000000;
}

/** tnumAdd on the low 32 bits (the low bits of a sum depend only on the low bits of its operands). */
function tnumAdd32(av: number, am: number, bv: number, bm: number): void {
  const sm = (am + bm) >>> 0;
  const sv = (av + bv) >>> 0;
  const chi = ((sm + sv) >>> 0) ^ sv;
  const mu = (chi | am | bm) >>> 0;
  oTv = (sv & ~mu) >>> 0;
  oTm = mu;
}

function tnumSub32(av: number, am: number, bv: number, bm: number): void {
  const dv = (av - bv) >>> 0;
  const chi = ((dv + am) >>> 0) ^ ((dv - bm) >>> 0);
  const mu = (chi | am | bm) >>> 0;
  oTv = (dv & ~mu) >>> 0;
  oTm = mu;
}

/** tnumMul truncated to 32 bits: the same shift-and-add, on the low halves only. */
function tnumMul32(av: number, am: number, bv: number, bm: number): void {
  const accV = Math.imul(av, bv) >>> 0;
  let mv = 0;
  let mm = 0;
  let xv = av;
  let xm = am;
  let yv = bv;
  let ym = bm;
  while (xv !== 0 || xm !== 0) {
    if ((xv & 1) !== 0) tnumAdd32(mv, mm, 0, ym);
    else if ((xm & 1) !== 0) tnumAdd32(mv, mm, 0, (yv | ym) >>> 0);
    else {
      oTv = mv;
      oTm = mm;
    }
    mv = oTv;
    mm = oTm;
    xv >>>= 1;
    xm >>>= 1;
    yv = (yv << 1) >>> 0;
    ym = (ym << 1) >>> 0;
  }
  tnumAdd32(accV, 0, mv, mm);
}

/**
 * scalarAlu for 32-bit operations on numbers: the 32-bit views are numbers already, so `compute`'s
 * steps are run on them directly (sums and products of values below 2^32 are exact, or rounded
 * monotonically where only their comparison with a 32-bit limit matters), with the tnum operations
 * on the low halves. Returns false (doing nothing) for operations it does not cover; results are
 * identical to the bigint path's (tests/verifier/alu-branch-number-path.test.ts).
 */
function scalarAlu32(dst: Reg, src: Reg, op: number): boolean {
  if (!is32(dst) || !is32(src)) return false;
  let aSmin = dst.s32min;
  let aSmax = dst.s32max;
  let aUmin = dst.u32min;
  let aUmax = dst.u32max;
  let aTv = Number(BigInt.asUintN(32, dst.varOff.value));
  let aTm = Number(BigInt.asUintN(32, dst.varOff.mask));
  let bSmin = src.s32min;
  let bSmax = src.s32max;
  let bUmin = src.u32min;
  let bUmax = src.u32max;
  let bTv = Number(BigInt.asUintN(32, src.varOff.value));
  let bTm = Number(BigInt.asUintN(32, src.varOff.mask));
  if (op === AluOp.NEG) {
    // 0 - dst.
    [bSmin, bSmax, bUmin, bUmax, bTv, bTm] = [aSmin, aSmax, aUmin, aUmax, aTv, aTm];
    aSmin = aSmax = aUmin = aUmax = aTv = aTm = 0;
    op = AluOp.SUB;
  }
  oSmin = -0x80000000;
  oSmax = 0x7fffffff;
  oUmin = 0;
  oUmax = 0xffffffff;
  oTv = 0;
  oTm = 0xffffffff;
  const bothNonNeg = aSmin >= 0 && bSmin >= 0;
  switch (op) {
    case AluOp.ADD:
      setS32(aSmin + bSmin, aSmax + bSmax);
      setU32(aUmin + bUmin, aUmax + bUmax);
      tnumAdd32(aTv, aTm, bTv, bTm);
      break;
    case AluOp.SUB:
      setS32(aSmin - bSmax, aSmax - bSmin);
      setU32(aUmin - bUmax, aUmax - bUmin);
      tnumSub32(aTv, aTm, bTv, bTm);
      break;
    case AluOp.MUL: {
      if (aUmax * bUmax <= 0xffffffff) {
        oUmin = aUmin * bUmin;
        oUmax = aUmax * bUmax;
      }
      const p0 = aSmin * bSmin;
      const p1 = aSmin * bSmax;
      const p2 = aSmax * bSmin;
      const p3 = aSmax * bSmax;
      const lo = Math.min(p0, p1, p2, p3);
      const hi = Math.max(p0, p1, p2, p3);
      if (lo >= -0x80000000 && hi <= 0x7fffffff) {
        oSmin = lo;
        oSmax = hi;
      }
      tnumMul32(aTv, aTm, bTv, bTm);
      break;
    }
    case AluOp.AND: {
      oTv = (aTv & bTv) >>> 0;
      oTm = ((aTv | aTm) & (bTv | bTm) & ~oTv) >>> 0;
      oUmin = oTv;
      oUmax = aUmax < bUmax ? aUmax : bUmax;
      if (bothNonNeg) [oSmin, oSmax] = [oUmin, oUmax];
      break;
    }
    case AluOp.OR:
      oTv = (aTv | bTv) >>> 0;
      oTm = (aTm | bTm) & ~oTv;
      oTm >>>= 0;
      oUmin = aUmin > bUmin ? aUmin : bUmin;
      oUmax = (oTv | oTm) >>> 0;
      if (bothNonNeg) [oSmin, oSmax] = [oUmin, oUmax];
      break;
    case AluOp.XOR: {
      const mu = (aTm | bTm) >>> 0;
      oTv = (aTv ^ bTv) & ~mu;
      oTv >>>= 0;
      oTm = mu;
      oUmin = oTv;
      oUmax = (oTv | oTm) >>> 0;
      if (bothNonNeg) [oSmin, oSmax] = [oUmin, oUmax];
      break;
    }
    case AluOp.LSH:
    case AluOp.RSH:
    case AluOp.ARSH: {
      // tracked(): only by a known amount below 32.
      if (bTm !== 0 || bTv >= 32) return false;
      const k = bTv;
      if (op === AluOp.LSH) {
        if (aUmax * 2 ** k <= 0xffffffff) {
          oUmin = aUmin * 2 ** k;
          oUmax = aUmax * 2 ** k;
        }
        oTv = (aTv << k) >>> 0;
        oTm = (aTm << k) >>> 0;
      } else if (op === AluOp.RSH) {
        oUmin = aUmin >>> k;
        oUmax = aUmax >>> k;
        oTv = aTv >>> k;
        oTm = aTm >>> k;
      } else {
        oSmin = aSmin >> k;
        oSmax = aSmax >> k;
        oTv = (aTv >> k) >>> 0;
        oTm = (aTm >> k) >>> 0;
      }
      break;
    }
    default:
      return false;
  }
  // applyView for 32 bits.
  finishAlu32(dst, oSmin, oSmax, oUmin, oUmax, oTv, oTm);
  return true;
}

/** Whether the kernel computes bounds for `op` at all: not for DIV/MOD, nor shifts by unknown or too-large amounts. */
function tracked(op: number, src: Reg, bits: 32 | 64): boolean {
  if (op === AluOp.DIV || op === AluOp.MOD) return false;
  if (op === AluOp.LSH || op === AluOp.RSH || op === AluOp.ARSH) {
    const t = bits === 64 ? src.varOff : tnumSubreg(src.varOff);
    return t.mask === 0n && t.value < BigInt(bits);
  }
  return true;
}

export function applyView(dst: Reg, v: View, bits: 32 | 64): void {
  if (bits === 64) {
    dst.smin = v.smin;
    dst.smax = v.smax;
    dst.umin = v.umin;
    dst.umax = v.umax;
    dst.varOff = v.t;
    reset32(dst);
    syncBounds(dst);
    return;
  }
  markUnbounded(dst);
  dst.s32min = Number(v.smin);
  dst.s32max = Number(v.smax);
  dst.u32min = Number(v.umin);
  dst.u32max = Number(v.umax);
  dst.varOff = tnumSubreg(v.t);
  syncBounds(dst);
  zext32(dst);
  syncBounds(dst);
}

/** Truncates a scalar to its low `size` bytes (zero-extending), as a narrow load or mov32 does. */
export function coerceToSize(r: Reg, size: number): void {
  if (size >= 8) return;
  const mask = (1n << BigInt(size * 8)) - 1n;
  if (r.umax <= mask && r.umin >= 0n) {
    // Already fits: keep the range.
    r.varOff = { value: r.varOff.value & mask, mask: r.varOff.mask & mask };
  } else {
    r.varOff = { value: r.varOff.value & mask, mask: r.varOff.mask & mask };
    r.umin = 0n;
    r.umax = mask;
  }
  r.smin = r.umin;
  r.smax = r.umax;
  reset32(r);
  syncBounds(r);
}

/** Sign-extends the low `size` bytes (movsx, ldxs). */
export function signExtend(r: Reg, size: number, bits: 32 | 64): void {
  const b = size * 8;
  if (r.varOff.mask === 0n) {
    const v = BigInt.asUintN(bits, BigInt.asIntN(b, r.varOff.value));
    const fresh = { smin: BigInt.asIntN(bits, v), smax: BigInt.asIntN(bits, v), umin: v, umax: v, t: tnumConst(v) };
    applyView(r, fresh, bits);
    return;
  }
  const half = 1n << BigInt(b - 1);
  const low = view(r, 64);
  let v: View;
  if (low.umax < half) {
    // The sign bit of the narrow value is clear: sign extension is zero extension.
    v = {
      smin: low.umin,
      smax: low.umax,
      umin: low.umin,
      umax: low.umax,
      t: { value: low.t.value & (half * 2n - 1n), mask: low.t.mask & (half * 2n - 1n) },
    };
  } else {
    const l = limits(bits);
    v = { smin: -half, smax: half - 1n, umin: 0n, umax: l.umax, t: truncT(TNUM_UNKNOWN, bits) };
  }
  applyView(r, v, bits);
}
