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

/** 1: always taken, 0: never, -1: either. */
export function branchTaken(a: Reg, b: Reg, op: number, jmp32: boolean): 1 | 0 | -1 {
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
