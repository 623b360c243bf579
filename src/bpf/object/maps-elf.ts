/**
 * Maps that come from ELF sections rather than BTF: the legacy "maps" section (struct bpf_map_def)
 * and global data (.data*, .rodata*, .bss) which libbpf turns into one-element array maps.
 */
import { ByteReader } from './elf-reader';
import { SHF, SHT, STT, type ElfFile, type ElfSection } from './elf-types';
import { LoadError } from './errors';
import { mapTypeName, MapFlag, MapType } from './kinds';
import type { MapAttributes } from './map-definition';

/** struct bpf_map_def: type, key_size, value_size, max_entries, map_flags (5 x u32). */
const MAP_DEF_SIZE = 20;

export interface LegacyMapVar {
  readonly name: string;
  readonly offset: number;
  readonly attrs: MapAttributes;
}

/** Definitions in a legacy "maps" section, in symbol-table order (libbpf's order). */
export function parseLegacyMaps(elf: ElfFile, section: ElfSection): LegacyMapVar[] {
  const symbols = elf.symbols.filter((s) => s.sectionIndex === section.index && s.type !== STT.SECTION && s.name);
  if (symbols.length === 0) return [];
  const where = `legacy maps section '${section.name}'`;
  if (section.size % symbols.length !== 0) {
    throw new LoadError(where, `size ${section.size} is not a multiple of its ${symbols.length} map definitions`);
  }
  const defSize = section.size / symbols.length;
  if (defSize < MAP_DEF_SIZE / 5 || defSize % 4 !== 0) throw new LoadError(where, `bad definition size ${defSize}`);
  const r = new ByteReader(section.data);
  return symbols.map((sym) => {
    const at = `map '${sym.name}'`;
    if (sym.value % defSize !== 0 || sym.value + defSize > section.size) {
      throw new LoadError(at, `symbol offset ${sym.value} is not a definition slot of ${where}`);
    }
    // Fields past the end of a shorter definition are zero; extra trailing fields must be zero (as libbpf insists).
    const field = (i: number): number => (i * 4 < defSize ? r.u32(at, sym.value + i * 4) : 0);
    for (let extra = MAP_DEF_SIZE; extra < defSize; extra++) {
      if (section.data[sym.value + extra] !== 0) {
        throw new LoadError(at, `definition has unknown non-zero fields past byte ${MAP_DEF_SIZE}`);
      }
    }
    const type = field(0);
    return {
      name: sym.name,
      offset: sym.value,
      attrs: {
        type,
        typeName: mapTypeName(type),
        keySize: field(1),
        valueSize: field(2),
        maxEntries: field(3),
        flags: field(4),
        numaNode: 0,
        mapExtra: 0n,
        pinning: 0,
        keyTypeId: 0,
        valueTypeId: 0,
      },
    };
  });
}

export type GlobalDataKind = 'data' | 'rodata' | 'bss';

/** Which global-data map a section becomes, or null. Empty sections make no map (libbpf skips them). */
export function globalDataKind(s: ElfSection): GlobalDataKind | null {
  if (s.size === 0 || (s.flags & SHF.EXECINSTR) !== 0) return null;
  const is = (base: string): boolean => s.name === base || s.name.startsWith(`${base}.`);
  if (s.type === SHT.PROGBITS && is('.data')) return 'data';
  if (s.type === SHT.PROGBITS && is('.rodata')) return 'rodata';
  if (s.type === SHT.NOBITS && s.name === '.bss') return 'bss';
  return null;
}

const BPF_OBJ_NAME_LEN = 16;

/**
 * libbpf's internal_map_name: ".data"/".bss"/".rodata" get a prefix of the object name so that two
 * objects' maps differ in bpftool; names with a second dot (".rodata.str1.1") are used alone.
 * Then truncated to 15 characters and sanitised to [A-Za-z0-9_.].
 */
export function internalMapName(objectName: string, section: string): string {
  const suffixLen = Math.max(7, section.length);
  const prefixLen = section.indexOf('.', 1) >= 0 ? 0 : Math.min(BPF_OBJ_NAME_LEN - suffixLen - 1, objectName.length);
  const name = `${objectName.slice(0, Math.max(0, prefixLen))}${section.slice(0, suffixLen)}`;
  return name.slice(0, BPF_OBJ_NAME_LEN - 1).replace(/[^A-Za-z0-9_.]/g, '_');
}

export interface GlobalDataMap {
  readonly kind: GlobalDataKind;
  readonly section: ElfSection;
  readonly attrs: MapAttributes;
  readonly initialValue: Uint8Array;
}

/** Largest .bss we materialise: a hostile header must not make us allocate gigabytes. */
export const MAX_GLOBAL_DATA_BYTES = 64 << 20;

export function globalDataMap(section: ElfSection, kind: GlobalDataKind, valueTypeId: number): GlobalDataMap {
  if (section.size > MAX_GLOBAL_DATA_BYTES) {
    throw new LoadError(`section '${section.name}'`, `global data of ${section.size} bytes is too large`);
  }
  const initialValue = kind === 'bss' ? new Uint8Array(section.size) : Uint8Array.from(section.data);
  const flags = MapFlag.MMAPABLE | (kind === 'rodata' ? MapFlag.RDONLY_PROG : 0);
  const attrs: MapAttributes = {
    type: MapType.ARRAY,
    typeName: mapTypeName(MapType.ARRAY),
    keySize: 4,
    valueSize: section.size,
    maxEntries: 1,
    flags,
    numaNode: 0,
    mapExtra: 0n,
    pinning: 0,
    keyTypeId: 0,
    valueTypeId,
  };
  return { kind, section, attrs, initialValue };
}
