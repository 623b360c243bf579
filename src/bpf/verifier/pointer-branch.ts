/**
 * What a comparison teaches about pointers: `if (p == NULL)` makes every copy of p either a usable
 * pointer or the scalar 0, and `if (pkt + N > pkt_end)` proves N bytes of packet on one side.
 */
import { JmpOp } from '../isa';
import { copyReg, knownScalar, type Reg } from './reg';
import type { VerifierState } from './state';
import type { VerifierMap } from './types';

function forEachReg(s: VerifierState, fn: (r: Reg) => Reg | void): void {
  for (const f of s.frames) {
    for (let i = 0; i < f.regs.length; i++) {
      const out = fn(f.regs[i]!);
      if (out) f.regs[i] = out;
    }
    f.stack = f.stack.map((slot) => {
      if (!slot.spilled) return slot;
      const out = fn(slot.spilled);
      return out ? { bytes: slot.bytes, spilled: out } : slot;
    });
  }
}

/**
 * mark_ptr_or_null_regs: on the side where the pointer is (non-)NULL. A NULL reference was never
 * acquired, so the state no longer holds it (`refObjId` is the compared register's reference).
 */
export function markNullChecked(
  s: VerifierState,
  id: number,
  nonNull: boolean,
  refObjId = 0,
  maps: readonly VerifierMap[] = [],
): void {
  if (id === 0) return;
  if (!nonNull && refObjId !== 0 && refObjId === id) s.refs = s.refs.filter((r) => r.id !== refObjId);
  forEachReg(s, (r) => {
    if (!r.maybeNull || r.id !== id) return;
    if (!nonNull) return knownScalar(0n);
    // A map-in-map lookup found a map: the pointer now stands for a map like the inner template.
    const inner = r.type === 'map_value' ? maps[r.map]?.inner : undefined;
    // copyReg, not a spread: a spread gives the object another hidden class, and every function
    // that reads registers then turns polymorphic (several times slower).
    const out = copyReg(r);
    if (inner) {
      out.type = 'map_ptr';
      out.map = maps.indexOf(inner);
    }
    out.maybeNull = false;
    out.id = 0;
    return out;
  });
}

const MAX_PACKET_OFF = 0xffff;

/** Gives every packet pointer sharing the id of `ptr` the range `ptr.off` (one more after a strict `<`). */
function goodPointers(s: VerifierState, ptr: Reg, rightOpen: boolean): void {
  if (ptr.off < 0 || (ptr.off === 0 && rightOpen)) return;
  if (ptr.umax > BigInt(MAX_PACKET_OFF) || ptr.umax + BigInt(ptr.off) > BigInt(MAX_PACKET_OFF)) return;
  const range = rightOpen ? ptr.off + 1 : ptr.off;
  forEachReg(s, (r) => {
    if (r.type !== ptr.type || r.id !== ptr.id || r.range >= range) return undefined;
    const out = copyReg(r);
    out.range = range;
    return out;
  });
}

/**
 * try_match_pkt_pointers. `thisSide` continues after the jump (condition false), `otherSide` is the
 * jump target (condition true). Returns false when the operands are not a packet bounds check.
 */
export function findGoodPacketPointers(
  thisSide: VerifierState,
  otherSide: VerifierState,
  dst: Reg,
  src: Reg,
  op: number,
): boolean {
  const forward = (dst.type === 'pkt' && src.type === 'pkt_end') || (dst.type === 'pkt_meta' && src.type === 'pkt');
  const reverse = (dst.type === 'pkt_end' && src.type === 'pkt') || (dst.type === 'pkt' && src.type === 'pkt_meta');
  if (!forward && !reverse) return false;
  switch (op) {
    case JmpOp.JGT:
      if (forward) goodPointers(thisSide, dst, false);
      else goodPointers(otherSide, src, true);
      return true;
    case JmpOp.JLT:
      if (forward) goodPointers(otherSide, dst, true);
      else goodPointers(thisSide, src, false);
      return true;
    case JmpOp.JGE:
      if (forward) goodPointers(thisSide, dst, true);
      else goodPointers(otherSide, src, false);
      return true;
    case JmpOp.JLE:
      if (forward) goodPointers(otherSide, dst, false);
      else goodPointers(thisSide, src, true);
      return true;
  }
  return false;
}
