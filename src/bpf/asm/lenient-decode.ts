/**
 * Slot-by-slot decoding for listings. Unlike decodeProgram it never rejects a section:
 * objdump shows an undecodable slot as `<unknown>` and carries on, and a section may hold
 * several functions whose jumps and calls only make sense once relocated.
 */
import { type DecodedInsn, SLOT_BYTES, findSpec, isWide, readSlot } from '../isa';

export type ListingEntry =
  | { readonly kind: 'insn'; readonly insn: DecodedInsn; readonly bytes: Uint8Array }
  | { readonly kind: 'unknown'; readonly pc: number; readonly bytes: Uint8Array };

export function decodeLeniently(code: Uint8Array): ListingEntry[] {
  const view = new DataView(code.buffer, code.byteOffset, code.byteLength);
  const slots = Math.floor(code.length / SLOT_BYTES);
  const out: ListingEntry[] = [];
  for (let pc = 0; pc < slots; pc++) {
    const raw = readSlot(view, pc);
    const spec = findSpec(raw.opcode, raw.src, raw.off, raw.imm);
    const wide = isWide(raw.opcode);
    const slice = (count: number): Uint8Array => code.subarray(pc * SLOT_BYTES, (pc + count) * SLOT_BYTES);
    if (spec === null || (wide && pc + 1 >= slots)) {
      out.push({ kind: 'unknown', pc, bytes: slice(1) });
      continue;
    }
    if (wide) raw.immHi = readSlot(view, pc + 1).imm;
    out.push({ kind: 'insn', insn: { ...raw, pc, spec }, bytes: slice(wide ? 2 : 1) });
    if (wide) pc++;
  }
  // objdump shows a trailing partial slot as raw bytes too.
  if (code.length % SLOT_BYTES !== 0) {
    out.push({ kind: 'unknown', pc: slots, bytes: code.subarray(slots * SLOT_BYTES) });
  }
  return out;
}
