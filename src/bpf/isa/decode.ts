/**
 * Decoder and structural validator: bytes → instructions with their table rows.
 *
 * Rejects what no correct encoder produces (unknown opcodes, reserved fields set,
 * truncated lddw, jumps or calls leaving the program or landing inside a lddw),
 * always naming the instruction index. Semantic checks are the verifier's job.
 */
import { isWide, REG_COUNT, SLOT_BYTES } from './opcodes';
import type { DecodedInsn, Insn } from './insn';
import { findSpec, specsForOpcode } from './lookup';
import type { FieldRule, InsnSpec } from './spec';

export class IsaError extends Error {
  constructor(
    readonly pc: number,
    detail: string,
  ) {
    super(`insn ${pc}: ${detail}`);
    this.name = 'IsaError';
  }
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16).padStart(2, '0')}`;

/** Reads one slot's raw fields. */
export function readSlot(view: DataView, slot: number): Insn {
  const at = slot * SLOT_BYTES;
  const regs = view.getUint8(at + 1);
  return {
    opcode: view.getUint8(at),
    dst: regs & 0xf,
    src: regs >> 4,
    off: view.getInt16(at + 2, true),
    imm: view.getInt32(at + 4, true),
    immHi: 0,
  };
}

function checkField(
  pc: number,
  spec: InsnSpec,
  name: 'dst' | 'src' | 'off' | 'imm',
  rule: FieldRule,
  value: number,
): void {
  // A discriminating field is fixed by the row itself.
  if (spec.discriminator?.field === name) return;
  if (rule === 'reg' && value >= REG_COUNT) {
    throw new IsaError(pc, `invalid register r${value} in ${name} of '${spec.mnemonic}'`);
  }
  if (rule === 'zero' && value !== 0) {
    throw new IsaError(
      pc,
      `reserved field ${name} must be 0 in '${spec.mnemonic}' (opcode ${hex(spec.opcode)}), found ${value}`,
    );
  }
}

function describeMismatch(raw: Insn): string {
  const specs = specsForOpcode(raw.opcode);
  if (specs.length === 0) return `invalid opcode ${hex(raw.opcode)}`;
  const d = specs[0]!.discriminator!;
  const value = d.field === 'off' ? raw.off : d.field === 'imm' ? raw.imm : raw.src;
  const allowed = specs.map((s) => s.discriminator!.value).join(', ');
  return `invalid ${d.field}=${value} for opcode ${hex(raw.opcode)} (${specs[0]!.mnemonic}); allowed: ${allowed}`;
}

/** Slot index an instruction transfers control to, or null for non-branching instructions. */
export function branchTarget(i: DecodedInsn): number | null {
  switch (i.spec.shape) {
    case 'jump':
    case 'ja':
      return i.pc + i.off + 1;
    case 'gotol':
    case 'call-local':
      return i.pc + i.imm + 1;
    default:
      return null;
  }
}

export function decodeProgram(bytes: Uint8Array): DecodedInsn[] {
  if (bytes.length === 0) throw new IsaError(0, 'empty program');
  if (bytes.length % SLOT_BYTES !== 0) {
    throw new IsaError(
      Math.floor(bytes.length / SLOT_BYTES),
      `program length ${bytes.length} is not a multiple of ${SLOT_BYTES} bytes`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const slots = bytes.length / SLOT_BYTES;
  const out: DecodedInsn[] = [];
  const secondHalf = new Set<number>();
  for (let pc = 0; pc < slots; pc++) {
    const raw = readSlot(view, pc);
    const spec = findSpec(raw.opcode, raw.src, raw.off, raw.imm);
    if (spec === null) throw new IsaError(pc, describeMismatch(raw));
    checkField(pc, spec, 'dst', spec.fields.dst, raw.dst);
    checkField(pc, spec, 'src', spec.fields.src, raw.src);
    checkField(pc, spec, 'off', spec.fields.off, raw.off);
    checkField(pc, spec, 'imm', spec.fields.imm, raw.imm);
    if (isWide(raw.opcode)) {
      if (pc + 1 >= slots) throw new IsaError(pc, 'lddw is truncated: its second slot is missing');
      const next = readSlot(view, pc + 1);
      if (next.opcode !== 0 || next.dst !== 0 || next.src !== 0 || next.off !== 0) {
        throw new IsaError(pc, 'lddw second slot must have opcode, registers and offset 0');
      }
      if (raw.src > 6) throw new IsaError(pc, `invalid lddw src ${raw.src} (allowed 0..6)`);
      raw.immHi = next.imm;
      secondHalf.add(pc + 1);
      out.push({ ...raw, pc, spec });
      pc++;
      continue;
    }
    out.push({ ...raw, pc, spec });
  }
  for (const i of out) {
    const target = branchTarget(i);
    if (target === null) continue;
    const what = i.spec.shape === 'call-local' ? 'call' : 'jump';
    if (target < 0 || target >= slots)
      throw new IsaError(i.pc, `${what} out of range: target insn ${target} of ${slots}`);
    if (secondHalf.has(target)) throw new IsaError(i.pc, `${what} into the middle of lddw at insn ${target - 1}`);
  }
  return out;
}
