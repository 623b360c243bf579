/** Indexes over the instruction table: by opcode byte (decoding) and by mnemonic (assembling). */
import type { InsnSpec } from './spec';
import { INSTRUCTION_TABLE } from './table';

const byOpcode: InsnSpec[][] = Array.from({ length: 256 }, () => []);
const byMnemonic = new Map<string, InsnSpec[]>();

for (const spec of INSTRUCTION_TABLE) {
  byOpcode[spec.opcode]!.push(spec);
  for (const name of [spec.mnemonic, ...spec.aliases]) {
    const list = byMnemonic.get(name) ?? [];
    list.push(spec);
    byMnemonic.set(name, list);
  }
}

/** Every row sharing this opcode byte (empty for an opcode the ISA does not define). */
export const specsForOpcode = (opcode: number): readonly InsnSpec[] => byOpcode[opcode & 0xff]!;

/** Rows whose uBPF-syntax mnemonic (or alias) is this name. */
export const specsForMnemonic = (name: string): readonly InsnSpec[] => byMnemonic.get(name) ?? [];

/** The row an encoded instruction belongs to, or null when no row's discriminator fits. */
export function findSpec(opcode: number, src: number, off: number, imm: number): InsnSpec | null {
  for (const spec of byOpcode[opcode & 0xff]!) {
    const d = spec.discriminator;
    if (d === null) return spec;
    const value = d.field === 'off' ? off : d.field === 'imm' ? imm : src;
    if (value === d.value) return spec;
  }
  return null;
}
