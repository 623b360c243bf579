/**
 * Splits executable sections into functions by their STT_FUNC symbols. Functions in ".text" are
 * subprograms (called, never loaded alone); a function in any other executable section is an entry
 * program named by its symbol, whose SEC() name is the section name.
 */
import { SHF, SHT, STB, STT, type ElfFile, type ElfSection } from './elf-types';
import { LoadError } from './errors';

export const INSN_SIZE = 8;

/** One function's instructions in its section, with relocations already resolved against maps. */
export interface ElfFunction {
  readonly name: string;
  readonly section: ElfSection;
  /** First instruction index of the function inside its section. */
  readonly sectionInsnOffset: number;
  readonly insnCount: number;
  /** A private copy of the function's instruction bytes; the loader patches it. */
  readonly code: Uint8Array;
  readonly isSubprogram: boolean;
  /** STB_GLOBAL: the kernel verifies global subprograms on their own (BTF func linkage "global"). */
  readonly global: boolean;
}

export const isExecutable = (s: ElfSection): boolean =>
  s.type === SHT.PROGBITS && (s.flags & SHF.EXECINSTR) !== 0 && s.size > 0;

function sectionFunctions(elf: ElfFile, section: ElfSection, isSubprogram: boolean): ElfFunction[] {
  const where = `section '${section.name}'`;
  if (section.size % INSN_SIZE !== 0) {
    throw new LoadError(where, `size ${section.size} is not a multiple of ${INSN_SIZE} (instruction size)`);
  }
  const symbols = elf.symbols
    .filter((s) => s.sectionIndex === section.index && s.type === STT.FUNC)
    .sort((a, b) => a.value - b.value);
  if (symbols.length === 0) throw new LoadError(where, 'executable section has no function symbols');
  const out: ElfFunction[] = [];
  let covered = 0;
  for (const sym of symbols) {
    const at = `${where} function '${sym.name}'`;
    if (!sym.name) throw new LoadError(at, 'function symbol has no name');
    if (sym.value % INSN_SIZE !== 0 || sym.size % INSN_SIZE !== 0 || sym.size === 0) {
      throw new LoadError(at, `offset ${sym.value} / size ${sym.size} are not whole instructions`);
    }
    if (sym.value < covered) throw new LoadError(at, `overlaps the previous function (starts at ${sym.value})`);
    if (sym.value + sym.size > section.size) {
      throw new LoadError(at, `ends at ${sym.value + sym.size}, past the ${section.size}-byte section`);
    }
    if (!isSubprogram && sym.bind === STB.LOCAL) {
      throw new LoadError(at, 'is static; entry programs must be global functions (as libbpf requires)');
    }
    covered = sym.value + sym.size;
    out.push({
      name: sym.name,
      section,
      sectionInsnOffset: sym.value / INSN_SIZE,
      insnCount: sym.size / INSN_SIZE,
      code: Uint8Array.from(section.data.subarray(sym.value, sym.value + sym.size)),
      isSubprogram,
      global: sym.bind === STB.GLOBAL,
    });
  }
  return out;
}

/** Every function of every executable section, in section order then address order. */
export function collectFunctions(elf: ElfFile): ElfFunction[] {
  return elf.sections.filter(isExecutable).flatMap((s) => sectionFunctions(elf, s, s.name === '.text'));
}

/**
 * Finds the function containing a section instruction by binary search (hostile objects may hold
 * tens of thousands of functions and relocations; a linear scan per relocation would crawl).
 */
export function functionIndex(
  functions: readonly ElfFunction[],
): (section: number, insn: number) => ElfFunction | undefined {
  const bySection = new Map<number, ElfFunction[]>();
  for (const f of functions) {
    const list = bySection.get(f.section.index) ?? [];
    list.push(f); // collectFunctions yields each section's functions sorted by address
    bySection.set(f.section.index, list);
  }
  return (section, insn) => {
    const list = bySection.get(section) ?? [];
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const f = list[mid]!;
      if (insn < f.sectionInsnOffset) hi = mid - 1;
      else if (insn >= f.sectionInsnOffset + f.insnCount) lo = mid + 1;
      else return f;
    }
    return undefined;
  };
}
