/**
 * Collects every map of an object in libbpf's creation order — legacy "maps", BTF ".maps", then
 * global data sections by index — and answers the relocator's "which map is at this symbol?".
 */
import type { Btf } from './btf';
import { hex } from './elf-reader';
import { STT, type ElfFile } from './elf-types';
import { LoadError } from './errors';
import { MapType } from './kinds';
import type { InitialInnerMap, InitialProgram, MapAttributes, MapDefinition, MapOrigin } from './map-definition';
import { parseBtfMaps, type BtfMapVar } from './maps-btf';
import { globalDataKind, globalDataMap, internalMapName, parseLegacyMaps } from './maps-elf';
import type { MapResolver } from './relocate';

const BPF_OBJ_NAME_LEN = 16;

export interface ObjectMaps {
  readonly maps: MapDefinition[];
  readonly resolver: MapResolver;
}

interface Draft {
  name: string;
  kernelName: string;
  origin: MapOrigin;
  sectionIndex: number;
  sectionName: string;
  offset: number;
  attrs: MapAttributes;
  inner: MapAttributes | null;
  initialValue: Uint8Array | null;
  frozen: boolean;
  initialInnerMaps: InitialInnerMap[];
  initialPrograms: InitialProgram[];
}

const userMap =
  (origin: MapOrigin, sectionIndex: number, sectionName: string) =>
  (v: { name: string; offset: number; attrs: MapAttributes; inner?: MapAttributes | null }): Draft => ({
    name: v.name,
    kernelName: v.name.slice(0, BPF_OBJ_NAME_LEN - 1),
    origin,
    sectionIndex,
    sectionName,
    offset: v.offset,
    attrs: v.attrs,
    inner: v.inner ?? null,
    initialValue: null,
    frozen: false,
    initialInnerMaps: [],
    initialPrograms: [],
  });

/** The variable whose bytes contain `offset` (vars are sorted by offset, as fixupDatasecs leaves them). */
function varContaining(vars: readonly BtfMapVar[], offset: number): BtfMapVar | undefined {
  let lo = 0;
  let hi = vars.length - 1;
  let found: BtfMapVar | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (vars[mid]!.offset <= offset) [found, lo] = [vars[mid], mid + 1];
    else hi = mid - 1;
  }
  return found && offset < found.offset + found.size ? found : undefined;
}

/** `.values = { &inner_a, ... }` initialisers: ABS64 relocations inside an outer map's variable. */
function collectInnerMapSlots(elf: ElfFile, sectionIndex: number, vars: readonly BtfMapVar[], drafts: Draft[]) {
  const byOffset = new Map<number, Draft>();
  const indexByName = new Map<string, number>();
  drafts.forEach((d, i) => {
    if (d.origin !== 'btf') return;
    byOffset.set(d.offset, d);
    if (!indexByName.has(d.name)) indexByName.set(d.name, i);
  });
  for (const rel of elf.relocations.filter((r) => r.targetIndex === sectionIndex)) {
    for (const entry of rel.entries) {
      const where = `.maps relocation at offset ${hex(entry.offset)}`;
      const v = varContaining(vars, entry.offset);
      if (v === undefined) throw new LoadError(where, 'is not inside any map definition');
      const outer = byOffset.get(v.offset)!;
      if (v.valuesOffset === null) throw new LoadError(where, `map '${v.name}' has no 'values' field to initialise`);
      const within = entry.offset - v.offset - v.valuesOffset;
      if (within < 0 || within % 8 !== 0) throw new LoadError(where, `is not a slot of '${v.name}.values'`);
      const sym = elf.symbols[entry.symbol]!;
      if (outer.attrs.type === MapType.PROG_ARRAY) {
        // libbpf: the relocation names the entry function of a program (STT_FUNC in its section).
        if (sym.type !== STT.FUNC || sym.name === '')
          throw new LoadError(where, `'${sym.name}' is not a program of this object`);
        outer.initialPrograms.push({ slot: within / 8, program: sym.name });
        continue;
      }
      const target = sym.type === STT.SECTION ? undefined : indexByName.get(sym.name);
      if (target === undefined) throw new LoadError(where, `'${sym.name}' is not a map of this object`);
      outer.initialInnerMaps.push({ slot: within / 8, mapIndex: target });
    }
  }
}

export function collectMaps(elf: ElfFile, btf: Btf | null, objectName: string): ObjectMaps {
  const drafts: Draft[] = [];
  const legacy = elf.sectionByName('maps');
  if (legacy) drafts.push(...parseLegacyMaps(elf, legacy).map(userMap('legacy', legacy.index, legacy.name)));

  const btfMaps = elf.sectionByName('.maps');
  if (btfMaps && btfMaps.size > 0) {
    const datasec = btf?.datasec('.maps');
    if (!btf || !datasec)
      throw new LoadError("section '.maps'", 'BTF-defined maps need a .BTF section with a .maps DATASEC');
    const vars = parseBtfMaps(btf, datasec);
    for (const v of vars) {
      if (v.offset + v.size > btfMaps.size) throw new LoadError(`map '${v.name}'`, 'lies outside the .maps section');
    }
    drafts.push(...vars.map(userMap('btf', btfMaps.index, btfMaps.name)));
    collectInnerMapSlots(elf, btfMaps.index, vars, drafts);
  }

  for (const section of elf.sections) {
    const kind = globalDataKind(section);
    if (kind === null) continue;
    const datasec = btf?.datasec(section.name);
    const data = globalDataMap(section, kind, datasec?.id ?? 0);
    drafts.push({
      ...userMap('global-data', section.index, section.name)({ name: section.name, offset: 0, attrs: data.attrs }),
      kernelName: internalMapName(objectName, section.name),
      initialValue: data.initialValue,
      frozen: kind === 'rodata',
    });
  }

  const maps: MapDefinition[] = drafts.map((d, index) => ({
    ...d.attrs,
    index,
    name: d.name,
    kernelName: d.kernelName,
    origin: d.origin,
    sectionIndex: d.sectionIndex,
    sectionName: d.sectionName,
    initialValue: d.initialValue,
    frozen: d.frozen,
    inner: d.inner,
    initialInnerMaps: d.initialInnerMaps,
    initialPrograms: d.initialPrograms,
  }));
  const mapSections = new Set([legacy?.index, btfMaps?.index].filter((i) => i !== undefined));
  const bySite = new Map<string, number>();
  const byDataSection = new Map<number, number>();
  drafts.forEach((d, i) => {
    if (d.origin === 'global-data') byDataSection.set(d.sectionIndex, i);
    else if (!bySite.has(`${d.sectionIndex}:${d.offset}`)) bySite.set(`${d.sectionIndex}:${d.offset}`, i);
  });
  const resolver: MapResolver = {
    isMapSection: (section) => mapSections.has(section),
    mapAt: (section, offset) => bySite.get(`${section}:${offset}`),
    dataMapOf: (section) => byDataSection.get(section),
  };
  return { maps, resolver };
}
