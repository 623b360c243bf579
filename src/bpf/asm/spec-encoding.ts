/** The instruction a table row implies before any operand is filled in. */
import { type Insn, type InsnSpec, insn } from '../isa';

/** Opcode set and the row's discriminating field (sdiv's off=1, le16's imm=16, ...) applied. */
export function withDiscriminator(spec: InsnSpec): Insn {
  const i = insn(spec.opcode);
  const d = spec.discriminator;
  if (d !== null) i[d.field] = d.value;
  return i;
}
