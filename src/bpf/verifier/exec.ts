/**
 * One instruction's effect on the current state (everything but control flow between paths):
 * ALU, loads and stores, atomics, lddw, legacy packet loads. Jumps, calls and exit are in walk.ts.
 */
import { Atomic } from '../isa';
import { checkRead, checkWrite, setReg } from './alu';
import { fail, reg, type Checker } from './context';
import { hasDirectPacketAccess } from './ctx-access';
import { checkMemAccess } from './mem';
import { syncBounds } from './bounds';
import { regTypeName } from './print';
import { knownScalar, notInit, pointer, unknownScalar } from './reg';

export function execLoadStore(c: Checker): void {
  const i = c.insn;
  const size = i.spec.size;
  switch (i.spec.shape) {
    case 'ldx': {
      checkRead(c, i.src);
      checkWrite(c, i.dst);
      const v = checkMemAccess(c, i.src, i.off, size, false, null, 0, i.dst);
      setReg(c, i.dst, v ?? unknownScalar());
      return;
    }
    case 'stx': {
      const value = checkRead(c, i.src);
      checkRead(c, i.dst);
      checkMemAccess(c, i.dst, i.off, size, true, value, 0, i.src);
      return;
    }
    case 'st': {
      checkRead(c, i.dst);
      checkMemAccess(c, i.dst, i.off, size, true, null, i.imm);
      return;
    }
    case 'atomic':
      return execAtomic(c);
  }
}

function execAtomic(c: Checker): void {
  const i = c.insn;
  const size = i.spec.size;
  const src = checkRead(c, i.src);
  if (i.imm === Atomic.CMPXCHG) checkRead(c, 0);
  const dst = checkRead(c, i.dst);
  if (!c.privileged && src.type !== 'scalar') fail(c, `R${i.src} leaks addr into mem`);
  if (dst.type === 'ctx' || dst.type === 'pkt' || dst.type === 'pkt_meta')
    fail(c, `BPF_ATOMIC stores into R${i.dst} ${regTypeName(dst)} is not allowed`);
  const fetch = (i.imm & Atomic.FETCH) !== 0;
  const loaded = checkMemAccess(c, i.dst, i.off, size, false, null);
  checkMemAccess(c, i.dst, i.off, size, true, src, 0, i.src);
  if (!fetch) return;
  const into = i.imm === Atomic.CMPXCHG ? 0 : i.src;
  checkWrite(c, into);
  setReg(c, into, loaded ?? unknownScalar());
}

export function execLddw(c: Checker): void {
  const i = c.insn;
  checkWrite(c, i.dst);
  if (i.src === 0) {
    const v = (BigInt(i.immHi >>> 0) << 32n) | BigInt(i.imm >>> 0);
    return setReg(c, i.dst, knownScalar(v));
  }
  const map = c.mapIndex.get(i.imm)!;
  if (i.src === 1 || i.src === 5) return setReg(c, i.dst, pointer('map_ptr', { map }));
  if (i.src === 2 || i.src === 6) return setReg(c, i.dst, pointer('map_value', { map, off: i.immHi }));
  return setReg(c, i.dst, pointer('func', { subprog: i.pc + i.imm + 1 }));
}

/** Legacy BPF_LD_ABS/IND: socket filters and tc only (not cgroup_skb); the skb must be in R6. */
export function execLdAbs(c: Checker): void {
  const i = c.insn;
  if (!(c.progType === 'socket_filter' || hasDirectPacketAccess(c.progType)))
    fail(c, 'BPF_LD_[ABS|IND] instructions not allowed for this program type');
  if (c.progType === 'xdp') fail(c, 'BPF_LD_[ABS|IND] instructions not allowed for this program type');
  checkRead(c, 6);
  if (i.spec.shape === 'ld-ind') checkRead(c, i.src);
  if (reg(c, 6).type !== 'ctx') fail(c, 'at the time of BPF_LD_ABS|IND R6 != pointer to skb');
  for (let r = 1; r <= 5; r++) setReg(c, r, notInit());
  setReg(c, 0, unknownScalar());
  c.scratchReg(c.state.cur, 0);
  if (i.spec.size < 8) {
    const r0 = reg(c, 0);
    r0.umax = (1n << BigInt(i.spec.size * 8)) - 1n;
    syncBounds(r0);
  }
}
