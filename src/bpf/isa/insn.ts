/** Encoded instructions as plain numbers, and their byte layout (RFC 9669 section 3). */
import { SLOT_BYTES, isWide } from './opcodes';
import type { InsnSpec } from './spec';

/** Raw fields of one instruction. For lddw, immHi carries the second slot's imm. */
export interface Insn {
  opcode: number;
  dst: number;
  src: number;
  /** Signed 16-bit. */
  off: number;
  /** Signed 32-bit. */
  imm: number;
  /** Signed 32-bit upper half of a lddw constant; 0 for other instructions. */
  immHi: number;
}

/** An instruction with its slot index (`pc`, the kernel's instruction numbering) and table row. */
export interface DecodedInsn extends Insn {
  readonly pc: number;
  readonly spec: InsnSpec;
}

export const insn = (opcode: number, dst = 0, src = 0, off = 0, imm = 0, immHi = 0): Insn => ({
  opcode,
  dst,
  src,
  off,
  imm,
  immHi,
});

export const slotCount = (i: Pick<Insn, 'opcode'>): 1 | 2 => (isWide(i.opcode) ? 2 : 1);

/** Writes instructions in the little-endian layout the kernel and clang use. */
export function encodeProgram(insns: readonly Insn[]): Uint8Array {
  const slots = insns.reduce((n, i) => n + slotCount(i), 0);
  const bytes = new Uint8Array(slots * SLOT_BYTES);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const i of insns) {
    view.setUint8(at, i.opcode);
    view.setUint8(at + 1, ((i.src & 0xf) << 4) | (i.dst & 0xf));
    view.setInt16(at + 2, i.off, true);
    view.setInt32(at + 4, i.imm, true);
    at += SLOT_BYTES;
    if (isWide(i.opcode)) {
      view.setInt32(at + 4, i.immHi, true);
      at += SLOT_BYTES;
    }
  }
  return bytes;
}

/** The 64-bit constant of a lddw as a BigInt (display and assembler use only). */
export const lddwValue = (i: Pick<Insn, 'imm' | 'immHi'>): bigint =>
  (BigInt(i.immHi >>> 0) << 32n) | BigInt(i.imm >>> 0);
