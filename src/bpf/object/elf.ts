/**
 * ELF64 little-endian reader for BPF objects. Untrusted input: every offset, size, count and string
 * index is checked against the buffer, and any violation is an ElfError naming the structure.
 * No 32-bit or big-endian ELF: clang -target bpf (= bpfel) always emits ELF64 LSB.
 */
import { ByteReader, ElfError, hex, readCString } from './elf-reader';
import {
  SHN,
  SHT,
  type ElfFile,
  type ElfRelocation,
  type ElfRelocationSection,
  type ElfSection,
  type ElfSymbol,
} from './elf-types';

export { ElfError } from './elf-reader';
export * from './elf-types';

const EHDR_SIZE = 64;
const SHDR_SIZE = 64;
const SYM_SIZE = 24;
const REL_SIZE = 16;
const RELA_SIZE = 24;

interface Header {
  type: number;
  machine: number;
  flags: number;
  shoff: number;
  shnum: number;
  shstrndx: number;
}

function readHeader(r: ByteReader): Header {
  if (r.length < EHDR_SIZE) {
    throw new ElfError('header', `file is ${r.length} bytes, shorter than the 64-byte ELF64 header`);
  }
  const magic = r.slice('header', 0, 4);
  if (magic[0] !== 0x7f || magic[1] !== 0x45 || magic[2] !== 0x4c || magic[3] !== 0x46) {
    throw new ElfError('header', 'not an ELF file (bad magic)');
  }
  if (r.u8('header', 4) !== 2) throw new ElfError('header', 'not a 64-bit ELF file (EI_CLASS != ELFCLASS64)');
  if (r.u8('header', 5) !== 1) throw new ElfError('header', 'not a little-endian ELF file (EI_DATA != ELFDATA2LSB)');
  const shentsize = r.u16('header', 58);
  const shoff = r.u64('header e_shoff', 40);
  if (shoff !== 0 && shentsize !== SHDR_SIZE) {
    throw new ElfError('header', `e_shentsize is ${shentsize}, expected ${SHDR_SIZE}`);
  }
  return {
    type: r.u16('header', 16),
    machine: r.u16('header', 18),
    flags: r.u32('header', 48),
    shoff,
    shnum: r.u16('header', 60),
    shstrndx: r.u16('header', 62),
  };
}

interface RawSection extends Omit<ElfSection, 'name' | 'data'> {
  nameOffset: number;
}

function readSectionHeader(r: ByteReader, at: number, index: number): RawSection {
  const where = `section header ${index} at ${hex(at)}`;
  r.need(where, at, SHDR_SIZE);
  const flags = r.u64Big(where, at + 8);
  return {
    index,
    nameOffset: r.u32(where, at),
    type: r.u32(where, at + 4),
    flags: Number(flags & 0xffffffffn),
    addr: r.u64(where, at + 16),
    offset: r.u64(where, at + 24),
    size: r.u64(where, at + 32),
    link: r.u32(where, at + 40),
    info: r.u32(where, at + 44),
    addralign: r.u64(where, at + 48),
    entsize: r.u64(where, at + 56),
  };
}

function readSectionHeaders(r: ByteReader, h: Header): RawSection[] {
  if (h.shoff === 0) return [];
  // Extended numbering: with 0xff00+ sections the real count lives in section 0's sh_size.
  const first = readSectionHeader(r, h.shoff, 0);
  const count = h.shnum === 0 ? first.size : h.shnum;
  r.need(`section header table (${count} entries)`, h.shoff, count * SHDR_SIZE);
  const out = [first];
  for (let i = 1; i < count; i++) out.push(readSectionHeader(r, h.shoff + i * SHDR_SIZE, i));
  return out;
}

function sectionData(r: ByteReader, s: RawSection, name: string): Uint8Array {
  if (s.type === SHT.NOBITS || s.type === SHT.NULL) return new Uint8Array(0);
  return r.slice(`section ${s.index} '${name}' data`, s.offset, s.size);
}

function readSections(r: ByteReader, h: Header): ElfSection[] {
  const raw = readSectionHeaders(r, h);
  if (raw.length === 0) return [];
  const strndx = h.shstrndx === SHN.XINDEX ? raw[0]!.link : h.shstrndx;
  const strSection = raw[strndx];
  if (strSection === undefined) {
    throw new ElfError('header', `e_shstrndx ${strndx} is not a section (there are ${raw.length})`);
  }
  const names = sectionData(r, strSection, '.shstrtab');
  return raw.map((s) => {
    const name = readCString(names, s.nameOffset, `section ${s.index} name`);
    const { nameOffset: _unused, ...rest } = s;
    return { ...rest, name, data: sectionData(r, s, name) };
  });
}

function entryCount(section: ElfSection, entsize: number, what: string): number {
  const where = `${what} section ${section.index} '${section.name}'`;
  if (section.entsize !== 0 && section.entsize !== entsize) {
    throw new ElfError(where, `sh_entsize is ${section.entsize}, expected ${entsize}`);
  }
  if (section.size % entsize !== 0) {
    throw new ElfError(where, `size ${section.size} is not a multiple of the ${entsize}-byte entry`);
  }
  return section.size / entsize;
}

function readSymbols(sections: readonly ElfSection[]): ElfSymbol[] {
  const symtabs = sections.filter((s) => s.type === SHT.SYMTAB);
  if (symtabs.length === 0) return [];
  if (symtabs.length > 1) throw new ElfError('symbol table', `${symtabs.length} SHT_SYMTAB sections, expected one`);
  const symtab = symtabs[0]!;
  const strtab = sections[symtab.link];
  if (strtab === undefined || strtab.type !== SHT.STRTAB) {
    throw new ElfError(`symbol table '${symtab.name}'`, `sh_link ${symtab.link} is not a string table`);
  }
  const xindex = sections.find((s) => s.type === SHT.SYMTAB_SHNDX && s.link === symtab.index);
  const r = new ByteReader(symtab.data);
  const count = entryCount(symtab, SYM_SIZE, 'symbol table');
  const symbols: ElfSymbol[] = [];
  for (let i = 0; i < count; i++) {
    const at = i * SYM_SIZE;
    const where = `symbol ${i}`;
    const info = r.u8(where, at + 4);
    let sectionIndex = r.u16(where, at + 6);
    if (sectionIndex === SHN.XINDEX) {
      if (xindex === undefined) throw new ElfError(where, 'uses SHN_XINDEX but there is no SHT_SYMTAB_SHNDX section');
      sectionIndex = new ByteReader(xindex.data).u32(`${where} extended section index`, i * 4);
    }
    const special = sectionIndex >= SHN.LORESERVE && sectionIndex <= SHN.XINDEX;
    if (!special && sectionIndex >= sections.length) {
      throw new ElfError(where, `section index ${sectionIndex} is out of range (${sections.length} sections)`);
    }
    symbols.push({
      index: i,
      name: readCString(strtab.data, r.u32(where, at), `${where} name`),
      bind: info >> 4,
      type: info & 0xf,
      visibility: r.u8(where, at + 5) & 0x3,
      sectionIndex,
      value: r.u64(where, at + 8),
      size: r.u64(where, at + 16),
    });
  }
  return symbols;
}

function readRelocations(section: ElfSection, sections: readonly ElfSection[], symbolCount: number) {
  const where = `relocation section ${section.index} '${section.name}'`;
  const rela = section.type === SHT.RELA;
  const entsize = rela ? RELA_SIZE : REL_SIZE;
  const count = entryCount(section, entsize, 'relocation');
  if (section.info === 0 || section.info >= sections.length) {
    throw new ElfError(where, `target section (sh_info) ${section.info} does not exist`);
  }
  const target = sections[section.info]!;
  const r = new ByteReader(section.data);
  const entries: ElfRelocation[] = [];
  for (let i = 0; i < count; i++) {
    const at = i * entsize;
    const entryWhere = `${where} entry ${i}`;
    const offset = r.u64(entryWhere, at);
    const type = r.u32(entryWhere, at + 8);
    const symbol = r.u32(entryWhere, at + 12);
    if (symbol >= symbolCount) {
      throw new ElfError(entryWhere, `symbol index ${symbol} is out of range (${symbolCount} symbols)`);
    }
    if (target.type !== SHT.NOBITS && offset >= target.size) {
      throw new ElfError(
        entryWhere,
        `offset ${hex(offset)} is past the end of '${target.name}' (${target.size} bytes)`,
      );
    }
    entries.push({ offset, type, symbol, addend: rela ? r.i64Big(entryWhere, at + 16) : 0n });
  }
  return { section, targetIndex: target.index, entries };
}

/** Parses an ELF64 little-endian file. Throws ElfError for anything malformed; never reads out of bounds. */
export function parseElf(bytes: Uint8Array): ElfFile {
  const r = new ByteReader(bytes);
  const header = readHeader(r);
  const sections = readSections(r, header);
  const symbols = readSymbols(sections);
  const relocations: ElfRelocationSection[] = sections
    .filter((s) => s.type === SHT.REL || s.type === SHT.RELA)
    .map((s) => readRelocations(s, sections, symbols.length));
  const byName = new Map<string, ElfSection>();
  for (const s of sections) if (!byName.has(s.name)) byName.set(s.name, s);
  return {
    type: header.type,
    machine: header.machine,
    flags: header.flags,
    sections,
    symbols,
    relocations,
    sectionByName: (name) => byName.get(name),
  };
}
