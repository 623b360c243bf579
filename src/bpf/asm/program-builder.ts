/** Collects assembled instructions, tracks slots for labels and encodes the result. */
import { encodeProgram, type Insn, slotCount } from '../isa';
import { AsmError } from './errors';
import { type LabelRef, LabelTable, type Statement } from './source';

export interface Assembled {
  readonly insn: Insn;
  /** Set when a jump/call operand named a label instead of a number. */
  readonly labelRef?: LabelRef;
}

/**
 * Runs `assembleOne` over every statement, then patches label references.
 * `implicitLabel` names a label a statement defines by itself unless the source defines it.
 */
export function buildProgram(
  source: readonly Statement[],
  assembleOne: (text: string, line: number) => Assembled,
  implicitLabel: (text: string) => string | null = () => null,
): Uint8Array {
  const labels = new LabelTable();
  const pending: { item: Assembled; slot: number; line: number }[] = [];
  let slot = 0;
  for (const statement of source) {
    for (const name of statement.labels) labels.define(name, slot, statement.line);
    if (statement.text === '') continue;
    const item = assembleOne(statement.text, statement.line);
    const implicit = implicitLabel(statement.text);
    if (implicit !== null) labels.defineFallback(implicit, slot);
    pending.push({ item, slot, line: statement.line });
    slot += slotCount(item.insn);
  }
  if (pending.length === 0) {
    const last = source.at(-1)?.line ?? 1;
    throw new AsmError(last, 'no instructions');
  }
  const insns = pending.map(({ item, slot: at, line }) => {
    if (item.labelRef === undefined) return item.insn;
    const delta = labels.displacement(item.labelRef, at, line);
    return { ...item.insn, [item.labelRef.field]: delta };
  });
  return encodeProgram(insns);
}
