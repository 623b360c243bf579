/**
 * State comparison for pruning: an explored state that verified safely makes the current state
 * safe if every live register and stack slot of the old state allows everything the current one
 * can hold (range and known bits contain the current ones, same pointer kind and offsets).
 * Scalars are compared by range unless a static analysis (relevance.ts) shows their value cannot
 * matter from here on; the kernel's precision marks skip more, so we prune a little less.
 */
import { tnumIn } from './tnum';
import type { Reg } from './reg';
import { getSlot, type Frame, type VerifierState } from './state';

function idsMatch(map: Map<number, number>, old: number, cur: number): boolean {
  if (old === 0) return true;
  const seen = map.get(old);
  if (seen === undefined) {
    map.set(old, cur);
    return true;
  }
  return seen === cur;
}

function rangeWithin(o: Reg, c: Reg): boolean {
  return (
    o.smin <= c.smin &&
    o.smax >= c.smax &&
    o.umin <= c.umin &&
    o.umax >= c.umax &&
    o.s32min <= c.s32min &&
    o.s32max >= c.s32max &&
    o.u32min <= c.u32min &&
    o.u32max >= c.u32max &&
    tnumIn(o.varOff, c.varOff)
  );
}

export function regSafe(o: Reg, c: Reg, ids: Map<number, number>, exact = false): boolean {
  if (o.type === 'not_init') return true;
  if (c.type === 'not_init') return false;
  if (o.type !== c.type || o.maybeNull !== c.maybeNull || o.rdonly !== c.rdonly) return false;
  if (o.type === 'scalar' && exact) return regExact(o, c) && (o.id === 0) === (c.id === 0) && idsMatch(ids, o.id, c.id);
  if (o.type === 'scalar') return rangeWithin(o, c);
  if (
    o.off !== c.off ||
    o.map !== c.map ||
    o.frameNo !== c.frameNo ||
    o.memSize !== c.memSize ||
    o.subprog !== c.subprog
  )
    return false;
  if (o.type === 'pkt' || o.type === 'pkt_meta') {
    if (o.range > c.range) return false;
  }
  if ((o.maybeNull || o.type === 'pkt' || o.type === 'pkt_meta') && !idsMatch(ids, o.id, c.id)) return false;
  if ((o.refObjId !== 0) !== (c.refObjId !== 0) || !idsMatch(ids, o.refObjId, c.refObjId)) return false;
  return rangeWithin(o, c);
}

function frameSafe(
  o: Frame,
  c: Frame,
  liveRegs: number,
  relevant: number,
  ids: Map<number, number>,
  privileged: boolean,
  exact: boolean,
): boolean {
  if (o.callsite !== c.callsite) return false;
  for (let i = 0; i < 11; i++) {
    if (!(liveRegs & (1 << i))) continue;
    // A scalar whose value no later check can depend on: any scalar will do.
    if (!exact && !(relevant & (1 << i)) && o.regs[i]!.type === 'scalar' && c.regs[i]!.type === 'scalar') continue;
    if (!regSafe(o.regs[i]!, c.regs[i]!, ids, exact)) return false;
  }
  for (let spi = 0; spi < o.stack.length; spi++) {
    const os = getSlot(o, spi);
    const cs = getSlot(c, spi);
    for (let k = 0; k < 8; k++) {
      const ob = os.bytes[k]!;
      const cb = cs.bytes[k]!;
      if (ob === '?') continue;
      if (privileged && ob === 'm') continue;
      if (ob === 'm' && cb === '0') continue;
      if (ob !== cb) return false;
    }
    if (os.spilled && os.bytes[7] === 'r') {
      if (!cs.spilled || !regSafe(os.spilled, cs.spilled, ids, exact)) return false;
    }
  }
  return true;
}

export function statesEqual(
  old: VerifierState,
  cur: VerifierState,
  liveRegs: number,
  relevant: number,
  privileged: boolean,
  /** Scalars must be identical (the kernel's explore_alu_limits, for unprivileged masking). */
  exactScalars = false,
): boolean {
  if (old.frames.length !== cur.frames.length || old.cur !== cur.cur) return false;
  const ids = new Map<number, number>();
  // refsafe: the same references held, in the same order.
  if (old.refs.length !== cur.refs.length) return false;
  for (let i = 0; i < old.refs.length; i++) if (!idsMatch(ids, old.refs[i]!.id, cur.refs[i]!.id)) return false;
  for (let f = 0; f < old.frames.length; f++) {
    // Only the running frame uses liveness; callers keep every register.
    const live = f === cur.cur ? liveRegs : 0x7ff;
    const rel = f === cur.cur ? relevant : 0x7ff;
    if (!frameSafe(old.frames[f]!, cur.frames[f]!, live, rel, ids, privileged, exactScalars)) return false;
  }
  return true;
}

function regExact(a: Reg, b: Reg): boolean {
  return (
    a.type === b.type &&
    a.maybeNull === b.maybeNull &&
    a.off === b.off &&
    a.range === b.range &&
    a.map === b.map &&
    a.smin === b.smin &&
    a.smax === b.smax &&
    a.umin === b.umin &&
    a.umax === b.umax &&
    a.s32min === b.s32min &&
    a.s32max === b.s32max &&
    a.u32min === b.u32min &&
    a.u32max === b.u32max &&
    a.varOff.value === b.varOff.value &&
    a.varOff.mask === b.varOff.mask
  );
}

/** The same state again while the first visit is still being explored: an infinite loop. */
export function statesLooping(old: VerifierState, cur: VerifierState): boolean {
  if (old.frames.length !== cur.frames.length) return false;
  for (let f = 0; f < old.frames.length; f++) {
    const a = old.frames[f]!;
    const b = cur.frames[f]!;
    for (let i = 0; i < 11; i++) if (!regExact(a.regs[i]!, b.regs[i]!)) return false;
    const n = Math.max(a.stack.length, b.stack.length);
    for (let spi = 0; spi < n; spi++) {
      const x = getSlot(a, spi);
      const y = getSlot(b, spi);
      if (x.bytes !== y.bytes) return false;
      if (x.spilled && y.spilled && !regExact(x.spilled, y.spilled)) return false;
    }
  }
  return true;
}
