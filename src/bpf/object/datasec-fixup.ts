/**
 * Completes DATASEC records as libbpf's btf_fixup_datasec does: the size becomes the ELF section's
 * size, each global variable's offset becomes its symbol's value, and variables are sorted by offset
 * (so BTF map order is definition order in the section).
 */
import type { Btf } from './btf';
import { STB, STT, type ElfFile, type ElfSymbol } from './elf-types';
import { LoadError } from './errors';
import { BtfLinkage } from './btf-types';

export function fixupDatasecs(btf: Btf, elf: ElfFile): void {
  const objects = new Map<string, ElfSymbol[]>();
  for (const s of elf.symbols) {
    if (s.type !== STT.OBJECT || (s.bind !== STB.GLOBAL && s.bind !== STB.WEAK)) continue;
    objects.set(s.name, [...(objects.get(s.name) ?? []), s]);
  }
  for (const t of btf.types) {
    if (t.kind !== 'datasec') continue;
    const section = elf.sectionByName(t.name);
    if (!section) continue; // e.g. ".kconfig" or ".ksyms": no ELF section in the object
    const vars = t.vars.map((v, i) => {
      const variable = btf.type(v.type, `DATASEC '${t.name}' variable ${i}`);
      if (variable.kind !== 'var') {
        throw new LoadError(`BTF DATASEC '${t.name}'`, `entry ${i} is a ${variable.kind}, not a VAR`);
      }
      if (variable.linkage === BtfLinkage.STATIC || variable.linkage === BtfLinkage.EXTERN) return v;
      const sym = objects.get(variable.name)?.find((s) => s.sectionIndex === section.index);
      if (!sym) throw new LoadError(`BTF DATASEC '${t.name}'`, `no ELF symbol for variable '${variable.name}'`);
      return { ...v, offset: sym.value };
    });
    vars.sort((a, b) => a.offset - b.offset);
    btf.replaceDatasec({ ...t, size: section.size, vars });
  }
}
