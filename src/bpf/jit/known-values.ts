/**
 * What the translator can know about a register at an instruction from the straight-line code of
 * its basic block before it: a constant (mov/lddw, then adds) or the frame pointer plus a constant
 * offset (r10 copied, then adds; only when r10 is never written). Enough for the usual
 * `r1 = map ll; r2 = r10; r2 += -4; call bpf_map_lookup_elem`.
 */
import type { PreparedProgram } from '../vm';
import { isWideSlot, writes } from './analyze';

export type Known =
  { readonly kind: 'const'; readonly value: bigint } | { readonly kind: 'stack'; readonly offset: number } | null;

/** The value of `reg` right before `pc`, scanning the block that starts at `blockStart`. */
export function knownBefore(p: PreparedProgram, blockStart: number, pc: number, reg: number, r10Fixed: boolean): Known {
  let known: Known = null;
  for (let at = blockStart; at < pc; at += isWideSlot(p, at) ? 2 : 1) {
    if (!writes(p, at, reg)) continue;
    const op = p.op[at]!;
    const imm = p.imm[at]!;
    if (op === 0x18) known = { kind: 'const', value: (BigInt(p.immHi[at]!) << 32n) | BigInt(imm >>> 0) };
    else if (op === 0xb7) known = { kind: 'const', value: BigInt(imm) };
    else if (op === 0xbf && p.src2[at]! >> 1 === 10 && p.off[at] === 0 && r10Fixed)
      known = { kind: 'stack', offset: 0 };
    else if (op === 0x07 && known?.kind === 'stack') known = { kind: 'stack', offset: known.offset + imm };
    else if (op === 0x07 && known?.kind === 'const') known = { kind: 'const', value: known.value + BigInt(imm) };
    else known = null;
  }
  if (known?.kind === 'const') return { kind: 'const', value: BigInt.asUintN(64, known.value) };
  return known;
}
