/**
 * Conditional jumps on scalars: deciding a branch when the bounds allow only one outcome, and
 * narrowing the bounds of both operands on each side (the kernel's is_branch_taken and
 * reg_set_min_max).
 */
import { JmpOp } from '../isa';
import { syncBounds } from './bounds';
import type { Reg } from './reg';
import { tnumAnd, tnumConst, tnumIntersect, tnumOr, tnumSubreg, tnumWithSubreg, U32, U64 } from './tnum';

interface Range {
  smin: bigint;
  smax: bigint;
  umin: bigint;
  umax: bigint;
}

const range = (r: Reg, jmp32: boolean): Range =>
  jmp32
    ? { smin: BigInt(r.s32min), smax: BigInt(r.s32max), umin: BigInt(r.u32min), umax: BigInt(r.u32max) }
    : { smin: r.smin, smax: r.smax, umin: r.umin, umax: r.umax };

const constOf = (r: Reg, jmp32: boolean): bigint | null => {
  const t = jmp32 ? tnumSubreg(r.varOff) : r.varOff;
  return t.mask === 0n ? t.value : null;
};

const NEGATED: Readonly<Record<number, number>> = {
  [JmpOp.JEQ]: JmpOp.JNE,
  [JmpOp.JNE]: JmpOp.JEQ,
  [JmpOp.JGT]: JmpOp.JLE,
  [JmpOp.JLE]: JmpOp.JGT,
  [JmpOp.JGE]: JmpOp.JLT,
  [JmpOp.JLT]: JmpOp.JGE,
  [JmpOp.JSGT]: JmpOp.JSLE,
  [JmpOp.JSLE]: JmpOp.JSGT,
  [JmpOp.JSGE]: JmpOp.JSLT,
  [JmpOp.JSLT]: JmpOp.JSGE,
};

/** The opcode that holds when `op` does not. */
export function negate(op: number): number {
  return NEGATED[op] ?? op;
}

/** The low 32 bits of a 64-bit value, as a number (without allocating when the high half is zero). */
const low32 = (v: bigint): number => (v <= U32 ? Number(v) : Number(BigInt.asUintN(32, v)));

/** 1: always taken, 0: never, -1: either. */
export function branchTaken(a: Reg, b: Reg, op: number, jmp32: boolean): 1 | 0 | -1 {
  return jmp32 ? branchTaken32(a, b, op) : branchTakenWith(a, b, op, false);
}

/** branchTaken without the number-only path for 32-bit jumps: the reference tests compare that path with. */
export function branchTakenReference(a: Reg, b: Reg, op: number, jmp32: boolean): 1 | 0 | -1 {
  return branchTakenWith(a, b, op, jmp32);
}

/**
 * branchTaken for 32-bit jumps on numbers: the 32-bit views are numbers already and the known bits
 * matter only in their low half, so every comparison is the bigint path's on the same values.
 */
function branchTaken32(a: Reg, b: Reg, op: number): 1 | 0 | -1 {
  const tav = low32(a.varOff.value);
  const tam = low32(a.varOff.mask);
  const tbv = low32(b.varOff.value);
  const tbm = low32(b.varOff.mask);
  switch (op) {
    case JmpOp.JEQ:
    case JmpOp.JNE: {
      let eq: 1 | 0 | -1 = -1;
      if (tam === 0 && tbm === 0) eq = tav === tbv ? 1 : 0;
      else if (
        a.u32min > b.u32max ||
        a.u32max < b.u32min ||
        a.s32min > b.s32max ||
        a.s32max < b.s32min ||
        ((tav ^ tbv) & ~(tam | tbm)) !== 0
      )
        eq = 0;
      if (eq === -1) return -1;
      return op === JmpOp.JEQ ? eq : eq === 1 ? 0 : 1;
    }
    case JmpOp.JSET:
      if ((tav & tbv) !== 0) return 1;
      if (((tav | tam) & (tbv | tbm)) === 0) return 0;
      if (tbm === 0 && ((tav | tam) & tbv) === 0) return 0;
      return -1;
    case JmpOp.JGT:
      return a.u32min > b.u32max ? 1 : a.u32max <= b.u32min ? 0 : -1;
    case JmpOp.JGE:
      return a.u32min >= b.u32max ? 1 : a.u32max < b.u32min ? 0 : -1;
    case JmpOp.JLT:
      return a.u32max < b.u32min ? 1 : a.u32min >= b.u32max ? 0 : -1;
    case JmpOp.JLE:
      return a.u32max <= b.u32min ? 1 : a.u32min > b.u32max ? 0 : -1;
    case JmpOp.JSGT:
      return a.s32min > b.s32max ? 1 : a.s32max <= b.s32min ? 0 : -1;
    case JmpOp.JSGE:
      return a.s32min >= b.s32max ? 1 : a.s32max < b.s32min ? 0 : -1;
    case JmpOp.JSLT:
      return a.s32max < b.s32min ? 1 : a.s32min >= b.s32max ? 0 : -1;
    case JmpOp.JSLE:
      return a.s32max <= b.s32min ? 1 : a.s32min > b.s32max ? 0 : -1;
  }
  return -1;
}

function branchTakenWith(a: Reg, b: Reg, op: number, jmp32: boolean): 1 | 0 | -1 {
  const x = range(a, jmp32);
  const y = range(b, jmp32);
  const ta = jmp32 ? tnumSubreg(a.varOff) : a.varOff;
  const tb = jmp32 ? tnumSubreg(b.varOff) : b.varOff;
  switch (op) {
    case JmpOp.JEQ:
    case JmpOp.JNE: {
      const ca = constOf(a, jmp32);
      const cb = constOf(b, jmp32);
      let eq: 1 | 0 | -1 = -1;
      if (ca !== null && cb !== null) eq = ca === cb ? 1 : 0;
      else if (x.umin > y.umax || x.umax < y.umin || x.smin > y.smax || x.smax < y.smin) eq = 0;
      else if (((ta.value ^ tb.value) & ~(ta.mask | tb.mask) & U64) !== 0n) eq = 0;
      if (eq === -1) return -1;
      return op === JmpOp.JEQ ? eq : eq === 1 ? 0 : 1;
    }
    case JmpOp.JSET: {
      const cb = constOf(b, jmp32);
      if ((ta.value & tb.value) !== 0n) return 1;
      if (((ta.value | ta.mask) & (tb.value | tb.mask)) === 0n) return 0;
      if (cb !== null && ((ta.value | ta.mask) & cb) === 0n) return 0;
      return -1;
    }
    case JmpOp.JGT:
      return x.umin > y.umax ? 1 : x.umax <= y.umin ? 0 : -1;
    case JmpOp.JGE:
      return x.umin >= y.umax ? 1 : x.umax < y.umin ? 0 : -1;
    case JmpOp.JLT:
      return x.umax < y.umin ? 1 : x.umin >= y.umax ? 0 : -1;
    case JmpOp.JLE:
      return x.umax <= y.umin ? 1 : x.umin > y.umax ? 0 : -1;
    case JmpOp.JSGT:
      return x.smin > y.smax ? 1 : x.smax <= y.smin ? 0 : -1;
    case JmpOp.JSGE:
      return x.smin >= y.smax ? 1 : x.smax < y.smin ? 0 : -1;
    case JmpOp.JSLT:
      return x.smax < y.smin ? 1 : x.smin >= y.smax ? 0 : -1;
    case JmpOp.JSLE:
      return x.smax <= y.smin ? 1 : x.smin > y.smax ? 0 : -1;
  }
  return -1;
}

function store(r: Reg, v: Range, jmp32: boolean): void {
  if (jmp32) {
    r.s32min = Number(v.smin);
    r.s32max = Number(v.smax);
    r.u32min = Number(v.umin);
    r.u32max = Number(v.umax);
  } else {
    [r.smin, r.smax, r.umin, r.umax] = [v.smin, v.smax, v.umin, v.umax];
  }
  syncBounds(r);
}

const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** Narrows a and b (scalars, mutated) to the values for which `a op b` holds. */
export function refine(a: Reg, b: Reg, op: number, jmp32: boolean): void {
  if (jmp32 && refine32(a, b, op)) return;
  refineWith(a, b, op, jmp32);
}

/** refine without the number-only path for 32-bit jumps: the reference tests compare that path with. */
export function refineReference(a: Reg, b: Reg, op: number, jmp32: boolean): void {
  refineWith(a, b, op, jmp32);
}

function store32(r: Reg, smin: number, smax: number, umin: number, umax: number): void {
  r.s32min = smin;
  r.s32max = smax;
  r.u32min = umin;
  r.u32max = umax;
  syncBounds(r);
}

/**
 * refine for 32-bit jumps on numbers: the ranges narrowed are the 32-bit views, numbers already, and
 * every step is the bigint path's on the same values (sums of 32-bit values and 1 are exact), in the
 * same order (both operands' ranges are read before either is stored, as there; the second operand's
 * constant after the first is stored). JSET is left to the bigint path. Results are identical
 * (tests/verifier/alu-branch-number-path.test.ts).
 */
function refine32(a: Reg, b: Reg, op: number): boolean {
  let xs = a.s32min;
  let xS = a.s32max;
  let xu = a.u32min;
  let xU = a.u32max;
  let ys = b.s32min;
  let yS = b.s32max;
  let yu = b.u32min;
  let yU = b.u32max;
  switch (op) {
    case JmpOp.JEQ: {
      const s = Math.max(xs, ys);
      const S = Math.min(xS, yS);
      const u = Math.max(xu, yu);
      const U = Math.min(xU, yU);
      const t = tnumIntersect(tnumSubreg(a.varOff), tnumSubreg(b.varOff));
      a.varOff = tnumWithSubreg(a.varOff, t);
      b.varOff = tnumWithSubreg(b.varOff, t);
      store32(a, s, S, u, U);
      store32(b, s, S, u, U);
      return true;
    }
    case JmpOp.JNE: {
      if (low32(b.varOff.mask) === 0) {
        const c = low32(b.varOff.value);
        if (xu === c) xu++;
        else if (xU === c) xU--;
        if (xs === (c | 0)) xs++;
        else if (xS === (c | 0)) xS--;
        store32(a, xs, xS, xu, xU);
      }
      if (low32(a.varOff.mask) === 0) {
        const c = low32(a.varOff.value);
        if (yu === c) yu++;
        else if (yU === c) yU--;
        if (ys === (c | 0)) ys++;
        else if (yS === (c | 0)) yS--;
        store32(b, ys, yS, yu, yU);
      }
      return true;
    }
    case JmpOp.JGT:
      xu = Math.max(xu, yu + 1);
      yU = Math.min(yU, xU - 1);
      break;
    case JmpOp.JGE:
      xu = Math.max(xu, yu);
      yU = Math.min(yU, xU);
      break;
    case JmpOp.JLT:
      xU = Math.min(xU, yU - 1);
      yu = Math.max(yu, xu + 1);
      break;
    case JmpOp.JLE:
      xU = Math.min(xU, yU);
      yu = Math.max(yu, xu);
      break;
    case JmpOp.JSGT:
      xs = Math.max(xs, ys + 1);
      yS = Math.min(yS, xS - 1);
      break;
    case JmpOp.JSGE:
      xs = Math.max(xs, ys);
      yS = Math.min(yS, xS);
      break;
    case JmpOp.JSLT:
      xS = Math.min(xS, yS - 1);
      ys = Math.max(ys, xs + 1);
      break;
    case JmpOp.JSLE:
      xS = Math.min(xS, yS);
      ys = Math.max(ys, xs);
      break;
    default:
      return false;
  }
  store32(a, xs, xS, xu, xU);
  store32(b, ys, yS, yu, yU);
  return true;
}

function refineWith(a: Reg, b: Reg, op: number, jmp32: boolean): void {
  const x = range(a, jmp32);
  const y = range(b, jmp32);
  switch (op) {
    case JmpOp.JEQ: {
      const m = {
        smin: max(x.smin, y.smin),
        smax: min(x.smax, y.smax),
        umin: max(x.umin, y.umin),
        umax: min(x.umax, y.umax),
      };
      if (jmp32) {
        const t = tnumIntersect(tnumSubreg(a.varOff), tnumSubreg(b.varOff));
        a.varOff = tnumWithSubreg(a.varOff, t);
        b.varOff = tnumWithSubreg(b.varOff, t);
      } else {
        a.varOff = b.varOff = tnumIntersect(a.varOff, b.varOff);
      }
      store(a, m, jmp32);
      store(b, { ...m }, jmp32);
      return;
    }
    case JmpOp.JNE: {
      // Only a constant at the edge of the other's range can be trimmed.
      const trim = (r: Reg, v: Range, c: bigint | null): void => {
        if (c === null) return;
        if (v.umin === c) v.umin++;
        else if (v.umax === c) v.umax--;
        const sc = jmp32 ? BigInt.asIntN(32, c) : BigInt.asIntN(64, c);
        if (v.smin === sc) v.smin++;
        else if (v.smax === sc) v.smax--;
        store(r, v, jmp32);
      };
      trim(a, x, constOf(b, jmp32));
      trim(b, y, constOf(a, jmp32));
      return;
    }
    case JmpOp.JSET: {
      const c = constOf(b, jmp32);
      if (c !== null && c !== 0n && (c & (c - 1n)) === 0n) {
        a.varOff = tnumOr(a.varOff, tnumConst(c));
        syncBounds(a);
      }
      return;
    }
    case JmpOp.JGT:
      x.umin = max(x.umin, y.umin + 1n);
      y.umax = min(y.umax, x.umax - 1n);
      break;
    case JmpOp.JGE:
      x.umin = max(x.umin, y.umin);
      y.umax = min(y.umax, x.umax);
      break;
    case JmpOp.JLT:
      x.umax = min(x.umax, y.umax - 1n);
      y.umin = max(y.umin, x.umin + 1n);
      break;
    case JmpOp.JLE:
      x.umax = min(x.umax, y.umax);
      y.umin = max(y.umin, x.umin);
      break;
    case JmpOp.JSGT:
      x.smin = max(x.smin, y.smin + 1n);
      y.smax = min(y.smax, x.smax - 1n);
      break;
    case JmpOp.JSGE:
      x.smin = max(x.smin, y.smin);
      y.smax = min(y.smax, x.smax);
      break;
    case JmpOp.JSLT:
      x.smax = min(x.smax, y.smax - 1n);
      y.smin = max(y.smin, x.smin + 1n);
      break;
    case JmpOp.JSLE:
      x.smax = min(x.smax, y.smax);
      y.smin = max(y.smin, x.smin);
      break;
    default:
      return;
  }
  store(a, x, jmp32);
  store(b, y, jmp32);
}

/** JSET false side: every bit of the constant is clear. */
export function refineJsetFalse(a: Reg, b: Reg, jmp32: boolean): void {
  const c = constOf(b, jmp32);
  if (c === null) return;
  if (jmp32) a.varOff = tnumWithSubreg(a.varOff, tnumAnd(tnumSubreg(a.varOff), tnumConst(~c & U32)));
  else a.varOff = tnumAnd(a.varOff, tnumConst(~c & U64));
  syncBounds(a);
}
