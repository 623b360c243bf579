/**
 * The extra pointer-arithmetic rules for loaders without CAP_BPF (the kernel's Spectre v1
 * sanitation: sanitize_ptr_alu, retrieve_ptr_limit, sanitize_check_bounds). The kernel masks such
 * arithmetic at run time with one limit per instruction, which works only for stack and map value
 * pointers moved by an offset whose sign is known, while the result stays inside the object, and
 * when every path through the instruction needs the same mask. Anything else is refused.
 */
import { AluOp } from '../isa';
import { fail, type Checker } from './context';
import { checkRegion } from './mem';
import { tnumText } from './print';
import type { Reg } from './reg';
import { Reject } from './reject';
import { MAX_BPF_STACK } from './state';

const FOR_NON_ROOT = 'pointer arithmetic with it prohibited for !root';
/** The kernel's BPF_ALU_* sanitation state bits. */
const ALU_SANITIZE_SRC = 1;
const ALU_SANITIZE_DST = 2;
const ALU_NEG_VALUE = 4;
const ALU_IMMEDIATE = 8;

/** What the first half of the check hands to the second. */
export interface Sanitation {
  maskToLeft: boolean;
  state: number;
  limit: number;
}

/** retrieve_ptr_limit: how far the pointer may move in the masked direction (u32), or null when too far. */
function ptrLimit(c: Checker, ptr: Reg, maskToLeft: boolean): number | null {
  const max = ptr.type === 'fp' ? MAX_BPF_STACK + (maskToLeft ? 1 : 0) : c.maps[ptr.map]!.valueSize;
  const raw =
    ptr.type === 'fp'
      ? -(Number(BigInt.asIntN(64, ptr.varOff.value)) + ptr.off)
      : Number(maskToLeft ? ptr.smin : ptr.umax) + ptr.off;
  const limit = raw >>> 0;
  return limit >= max ? null : limit;
}

const opName = (op: number): string => (op === AluOp.ADD ? 'add' : 'sub');

/** Before the arithmetic: `ptr op off` with `off` a register (constants need no masking). */
export function sanitizeBefore(c: Checker, ptr: Reg, off: Reg, op: number, ptrIsDst: boolean): Sanitation | null {
  const i = c.insn;
  if (c.privileged || !i.spec.usesSrcReg || (op !== AluOp.ADD && op !== AluOp.SUB)) return null;
  const [ptrRegno, offRegno] = ptrIsDst ? [i.dst, i.src] : [i.src, i.dst];
  const offIsImm = off.varOff.mask === 0n;
  const offIsNeg = off.smin < 0n;
  if (!offIsImm && offIsNeg !== off.smax < 0n)
    fail(c, `R${offRegno} has unknown scalar with mixed signed bounds, ${FOR_NON_ROOT}`);
  if (ptr.type !== 'fp' && ptr.type !== 'map_value')
    fail(c, `R${ptrRegno} has pointer with unsupported alu operation, ${FOR_NON_ROOT}`);
  const maskToLeft = (op === AluOp.ADD && offIsNeg) || (op === AluOp.SUB && !offIsNeg);
  const limit = ptrLimit(c, ptr, maskToLeft);
  if (limit === null) fail(c, `R${i.dst} tried to ${opName(op)} beyond pointer bounds, ${FOR_NON_ROOT}`);
  // Different scalars may need different masks: pruning must then keep them apart.
  if (!offIsImm) c.exploreAluLimits = true;
  const state =
    (offIsNeg ? ALU_NEG_VALUE : 0) | (offIsImm ? ALU_IMMEDIATE : 0) | (ptrIsDst ? ALU_SANITIZE_SRC : ALU_SANITIZE_DST);
  return { maskToLeft, state, limit };
}

/** After the arithmetic: the moved pointer must stay inside its object, with one mask for all paths. */
export function sanitizeAfter(c: Checker, out: Reg, op: number, before: Sanitation | null): void {
  if (c.privileged) return;
  checkBounds(c, out);
  if (!before) return;
  const regno = c.insn.dst;
  const after = ptrLimit(c, out, before.maskToLeft);
  if (after === null) fail(c, `R${regno} tried to ${opName(op)} beyond pointer bounds, ${FOR_NON_ROOT}`);
  const limit = Math.abs(before.limit - after);
  const seen = c.aluSanitation.get(c.insn.pc);
  if (seen && (seen.state !== before.state || seen.limit !== limit))
    fail(c, `R${regno} tried to ${opName(op)} from different maps, paths or scalars, ${FOR_NON_ROOT}`);
  c.aluSanitation.set(c.insn.pc, { state: before.state, limit });
}

/** sanitize_check_bounds: the stack pointer stays constant and in the frame, a map value pointer in the value. */
function checkBounds(c: Checker, out: Reg): void {
  const regno = c.insn.dst;
  if (out.type === 'fp') {
    const off = out.off + Number(BigInt.asIntN(64, out.varOff.value));
    if (out.varOff.mask !== 0n)
      fail(c, `R${regno} variable stack access prohibited for !root, var_off=${tnumText(out.varOff)} off=${off}`);
    if (off >= 0 || off < -MAX_BPF_STACK)
      fail(c, `R${regno} stack pointer arithmetic goes out of range, prohibited for !root; off=${off}`);
  } else if (out.type === 'map_value') {
    try {
      checkRegion(c, regno, out, out.off, 1, c.maps[out.map]!.valueSize);
    } catch (e) {
      if (!(e instanceof Reject)) throw e;
      fail(
        c,
        `R${regno} pointer arithmetic of map value goes out of range, prohibited for !root`,
        ...e.preamble,
        e.kernelMessage,
      );
    }
  }
}
