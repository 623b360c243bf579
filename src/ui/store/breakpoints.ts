/**
 * Breakpoints across recompiles, and the instructions stepping stops at. C line breakpoints move
 * with the text (the editor tracks them); instruction breakpoints stay only where the new program
 * still has the same instruction at the same slot, since a slot number alone means nothing once
 * the code around it changed.
 */
import type { DisasmLine, LoadedObject, Stage } from '../../protocol';
import type { PlaygroundState } from './types';

const listing = (load: Stage<LoadedObject> | null): readonly DisasmLine[] | null =>
  load?.status === 'ok' && load.value.disassembly.status === 'ok' ? load.value.disassembly.value : null;

/** The instruction breakpoints that still mean the same instruction after `next` replaced `prev`. */
export function keptBreakpoints(
  prev: Stage<LoadedObject> | null,
  next: Stage<LoadedObject> | null,
  pcs: readonly number[],
): number[] {
  const before = listing(prev);
  const after = listing(next);
  // Nothing to compare with (first load after a reload, or no listing): keep them as saved.
  if (before === null || after === null) return [...pcs];
  const textAt = (lines: readonly DisasmLine[], pc: number) => lines.find((l) => l.pc === pc)?.text;
  return pcs.filter((pc) => {
    const text = textAt(after, pc);
    return text !== undefined && text === textAt(before, pc);
  });
}

/** The first instruction of each run of instructions that belongs to `line` (where stepping enters it). */
export function lineEntryPcs(lines: readonly DisasmLine[], line: number): number[] {
  return lines.flatMap((l, i) => (l.source?.line === line && lines[i - 1]?.source?.line !== line ? [l.pc] : []));
}

/** Every instruction stepping stops at: the instruction breakpoints and each C line breakpoint's entries. */
export function stopPcs(
  lines: readonly DisasmLine[] | null,
  pcs: readonly number[],
  cLines: readonly number[],
): number[] {
  const out = new Set(pcs);
  if (lines !== null) for (const line of cLines) for (const pc of lineEntryPcs(lines, line)) out.add(pc);
  return [...out].sort((a, b) => a - b);
}

/**
 * Where stepping stops now. The editor's C line breakpoints apply to the program compiled from the
 * editor only: an opened object's line numbers are those of its own source.
 */
export function stepStops(s: Pick<PlaygroundState, 'load' | 'breakpoints' | 'lineBreakpoints'>): number[] {
  const compiled = s.load?.status === 'ok' && s.load.value.origin.kind === 'compiled';
  return stopPcs(listing(s.load), s.breakpoints, compiled ? s.lineBreakpoints : []);
}
