/**
 * The abstract state before each instruction of a path, for the "why" view. Walking only records
 * the frame's register and slot objects (states never change them in place, so no copies are
 * needed); kernel-format text is made when a result asks for the states.
 */
import { regText, regTypeName, slotText } from './print';
import type { Reg } from './reg';
import type { Frame, StackSlot } from './state';
import type { StateSnapshot, VerifierMap } from './types';

interface RawSnapshot {
  insn: number;
  frameNo: number;
  regs: readonly Reg[];
  stack: readonly StackSlot[];
}

/** One path's snapshots, newest first; paths that branch off share their common beginning. */
export interface Trail {
  snap: RawSnapshot;
  prev: Trail | null;
}

export const extendTrail = (prev: Trail | null, insn: number, f: Frame): Trail => ({
  snap: { insn, frameNo: f.frameNo, regs: f.regs.slice(), stack: f.stack.slice() },
  prev,
});

function render(s: RawSnapshot, maps: readonly VerifierMap[]): StateSnapshot {
  const frame: Frame = { regs: [], stack: s.stack.slice(), callsite: -1, subprogStart: 0, frameNo: s.frameNo };
  const stack: StateSnapshot['stack'] = [];
  for (let spi = 0; spi < s.stack.length; spi++) {
    const text = slotText(frame, spi, maps);
    if (text !== null) stack.push({ off: -(spi + 1) * 8, text });
  }
  return {
    insn: s.insn,
    frame: s.frameNo,
    regs: s.regs.map((r) =>
      r.type === 'not_init' ? null : { text: regText(r, maps, s.frameNo), type: regTypeName(r) },
    ),
    stack,
  };
}

/** The trail's snapshots in path order, as kernel-format text. */
export function renderTrail(t: Trail | null, maps: readonly VerifierMap[]): StateSnapshot[] {
  const out: StateSnapshot[] = [];
  for (; t; t = t.prev) out.push(render(t.snap, maps));
  return out.reverse();
}
