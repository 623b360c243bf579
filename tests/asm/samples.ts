/**
 * Representative encodings for every row of the instruction table: a base instruction,
 * then one field at a time pushed to its edge values (INT16/INT32 limits, -1, r10).
 */
import { decodeLeniently } from '../../src/bpf/asm';
import {
  type DecodedInsn,
  encodeProgram,
  INSTRUCTION_TABLE,
  type Insn,
  type InsnSpec,
  LddwSrc,
  insn,
} from '../../src/bpf/isa';

const REGISTERS = [0, 1, 9, 10];
const OFFSETS = [0, 1, -1, 8, -8, 0x7fff, -0x8000];
const IMMEDIATES = [0, 1, -1, 0x7fffffff, -0x80000000, 0x1234, -0x1234];
/** [imm, immHi] pairs for lddw: zero, -1, 2^32-ish, INT64_MIN, INT64_MAX. */
const WIDE = [
  [0, 0],
  [-1, -1],
  [0x23456789, 1],
  [0, -0x80000000],
  [-1, 0x7fffffff],
  [5, 0],
] as const;

export interface Sample {
  readonly spec: InsnSpec;
  readonly insn: Insn;
}

function base(spec: InsnSpec): Insn {
  const i = insn(spec.opcode, spec.fields.dst === 'reg' ? 1 : 0, spec.fields.src === 'reg' ? 2 : 0);
  if (spec.discriminator !== null) i[spec.discriminator.field] = spec.discriminator.value;
  return i;
}

function variants(spec: InsnSpec): Insn[] {
  const out = [base(spec)];
  const vary = (field: 'dst' | 'src' | 'off' | 'imm', values: readonly number[]): void => {
    if (spec.discriminator?.field === field) return;
    const rule = spec.fields[field];
    if (rule === 'zero') return;
    for (const v of values) out.push({ ...base(spec), [field]: v });
  };
  vary('dst', REGISTERS);
  if (spec.shape !== 'lddw') vary('src', REGISTERS);
  vary('off', OFFSETS);
  if (spec.shape === 'lddw') {
    for (const src of Object.values(LddwSrc)) {
      for (const [imm, immHi] of WIDE) out.push({ ...base(spec), src, imm, immHi });
    }
  } else {
    vary('imm', IMMEDIATES);
  }
  return out;
}

/** Every table row with its variants; rows of shape 'call-local' get src=1 etc. via discriminators. */
export const SAMPLES: readonly Sample[] = INSTRUCTION_TABLE.flatMap((spec) =>
  variants(spec).map((i) => ({ spec, insn: i })),
);

/** Rows llvm-objdump prints without losing anything (the rest need lossless spellings). */
export function objdumpIsLossless(s: Sample): boolean {
  const { spec, insn: i } = s;
  if (spec.shape === 'call-local' || spec.shape === 'call-kfunc') return false;
  if (spec.shape === 'ld-ind' && i.imm !== 0) return false;
  if (spec.shape === 'lddw' && i.src !== 0 && i.immHi !== 0) return false;
  return true;
}

/** The sample as the (lenient) decoder sees its encoding. */
export function decoded(s: Sample): DecodedInsn {
  const [entry] = decodeLeniently(encodeProgram([s.insn]));
  if (entry?.kind !== 'insn') throw new Error(`sample of '${s.spec.mnemonic}' does not decode`);
  return entry.insn;
}
