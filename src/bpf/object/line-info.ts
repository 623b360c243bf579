/**
 * Moves .BTF.ext func/line info from section byte offsets to program instruction indices, following
 * each function's copy in a linked program (libbpf's adjust_prog_btf_ext_info).
 */
import type { BtfExt, FuncInfoRecord, LineInfoRecord } from './btf-ext';
import { INSN_SIZE } from './functions';
import type { PlacedFunction } from './link';

/** A FUNC BTF type starting at instruction `insn` of a program. */
export interface FuncInfo {
  readonly insn: number;
  readonly typeId: number;
}

/** The C source position of the instructions starting at `insn` (up to the next record). */
export interface LineInfo {
  readonly insn: number;
  /** Source file as the compiler saw it (usually the path passed to clang). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The full text of that source line. */
  readonly source: string;
}

function relocated<R extends { insnOffset: number }, T>(
  records: ReadonlyMap<string, readonly R[]>,
  placed: readonly PlacedFunction[],
  make: (insn: number, record: R) => T,
): T[] {
  const out: T[] = [];
  for (const { fn, start } of placed) {
    const inSection = records.get(fn.section.name) ?? [];
    for (const r of inSection) {
      if (r.insnOffset % INSN_SIZE !== 0) continue;
      const sectionInsn = r.insnOffset / INSN_SIZE;
      if (sectionInsn < fn.sectionInsnOffset || sectionInsn >= fn.sectionInsnOffset + fn.insnCount) continue;
      out.push(make(start + sectionInsn - fn.sectionInsnOffset, r));
    }
  }
  return out;
}

export function programFuncInfo(ext: BtfExt | null, placed: readonly PlacedFunction[]): FuncInfo[] {
  if (ext === null) return [];
  return relocated<FuncInfoRecord, FuncInfo>(ext.funcInfo, placed, (insn, r) => ({ insn, typeId: r.typeId }));
}

export function programLineInfo(ext: BtfExt | null, placed: readonly PlacedFunction[]): LineInfo[] {
  if (ext === null) return [];
  return relocated<LineInfoRecord, LineInfo>(ext.lineInfo, placed, (insn, r) => ({
    insn,
    file: r.file,
    line: r.line,
    column: r.column,
    source: r.source,
  }));
}

/**
 * The source position of every instruction slot: the last line record at or before it within the
 * same function (null before a function's first record, or without BTF.ext).
 */
export function lineForEachInsn(
  lines: readonly LineInfo[],
  placed: readonly PlacedFunction[],
  insnCount: number,
): (LineInfo | null)[] {
  const out: (LineInfo | null)[] = new Array<LineInfo | null>(insnCount).fill(null);
  const sorted = [...lines].sort((a, b) => a.insn - b.insn);
  for (const { fn, start } of placed) {
    const end = start + fn.insnCount;
    let current: LineInfo | null = null;
    let next = sorted.findIndex((l) => l.insn >= start);
    for (let pc = start; pc < end; pc++) {
      while (next >= 0 && next < sorted.length && sorted[next]!.insn === pc) current = sorted[next++]!;
      out[pc] = current;
    }
  }
  return out;
}
