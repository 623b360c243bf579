/** Builds tiny programs from the instruction table and runs them in the interpreter. */
import { encodeProgram, insn, type Insn, type InsnSpec, specsForMnemonic } from '../../src/bpf/isa';
import { runConformance, type RunOutcome } from '../../src/bpf/vm/run';

export const LDDW = 0x18;
export const EXIT = insn(0x95);
export const MOV64_REG = 0xbf;

/** lddw rN, value */
export const load = (reg: number, value: bigint): Insn =>
  insn(LDDW, reg, 0, 0, Number(BigInt.asIntN(32, value)), Number(BigInt.asIntN(32, value >> 32n)));

/** The table row for a mnemonic with a register (or immediate) operand. */
export function spec(mnemonic: string, reg: boolean | null = null): InsnSpec {
  const rows = specsForMnemonic(mnemonic).filter((s) => reg === null || s.usesSrcReg === reg);
  if (rows.length !== 1) throw new Error(`${mnemonic}/${reg}: ${rows.length} rows`);
  return rows[0]!;
}

/** An instruction for a row, with its discriminating field set as the row requires. */
export function fromSpec(s: InsnSpec, fields: Partial<Omit<Insn, 'opcode'>> = {}): Insn {
  const i = insn(s.opcode, fields.dst ?? 0, fields.src ?? 0, fields.off ?? 0, fields.imm ?? 0, fields.immHi ?? 0);
  if (s.discriminator) i[s.discriminator.field] = s.discriminator.value;
  return i;
}

export const run = (insns: Insn[], memory: Uint8Array = new Uint8Array()): RunOutcome =>
  runConformance(encodeProgram(insns), memory);

/** r0 after running, or the fault message prefixed with "fault:" so table expectations can name faults. */
export function result(insns: Insn[], memory: Uint8Array = new Uint8Array()): string {
  const out = run(insns, memory);
  return out.ok ? `0x${out.r0.toString(16)}` : `fault: ${out.fault.message}`;
}

export const u64 = (text: string): bigint => BigInt.asUintN(64, BigInt(text));
