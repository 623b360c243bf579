/**
 * The extra pointer-arithmetic rules for loaders without CAP_BPF (the kernel's Spectre v1
 * sanitation, sanitize_ptr_alu and sanitize_check_bounds): the kernel masks such arithmetic at
 * run time, which it can do only for stack and map value pointers moved by an offset whose sign is
 * known, and only while the result stays inside the object. Anything else is refused outright.
 */
import { AluOp } from '../isa';
import { fail, type Checker } from './context';
import { checkRegion } from './mem';
import { tnumText } from './print';
import type { Reg } from './reg';
import { Reject } from './reject';
import { MAX_BPF_STACK } from './state';

const FOR_NON_ROOT = 'pointer arithmetic with it prohibited for !root';

/** Before the arithmetic: `ptr op off` with `off` a register (constants need no masking). */
export function sanitizeBefore(c: Checker, ptr: Reg, off: Reg, op: number, ptrIsDst: boolean): void {
  const i = c.insn;
  if (c.privileged || !i.spec.usesSrcReg || (op !== AluOp.ADD && op !== AluOp.SUB)) return;
  const [ptrRegno, offRegno] = ptrIsDst ? [i.dst, i.src] : [i.src, i.dst];
  const mixedSigns = off.varOff.mask !== 0n && off.smin < 0n !== off.smax < 0n;
  if (mixedSigns) fail(c, `R${offRegno} has unknown scalar with mixed signed bounds, ${FOR_NON_ROOT}`);
  if (ptr.type !== 'fp' && ptr.type !== 'map_value')
    fail(c, `R${ptrRegno} has pointer with unsupported alu operation, ${FOR_NON_ROOT}`);
}

/** After the arithmetic: the moved pointer must still point inside its stack frame or map value. */
export function sanitizeAfter(c: Checker, out: Reg): void {
  if (c.privileged) return;
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
