/**
 * A minimal reader for 64-bit relocatable ELF files (either byte order) (what `clang -target bpf -c` writes): sections,
 * symbols and REL relocations. Enough for the header tests to compare objects and read probe values; the
 * project's loader has its own reader.
 */

export interface ElfSection {
  index: number;
  name: string;
  type: number;
  flags: bigint;
  link: number;
  info: number;
  entsize: number;
  data: Uint8Array;
}

export interface ElfSymbol {
  name: string;
  value: number;
  size: number;
  /** STT_* in the low 4 bits, STB_* in the high 4. */
  info: number;
  shndx: number;
  section: string;
}

export interface ElfRelocation {
  offset: number;
  type: number;
  symbol: string;
}

export interface ElfFile {
  sections: ElfSection[];
  symbols: ElfSymbol[];
  section(name: string): ElfSection | undefined;
  /** Relocations applying to the named section (from its .rel section), in file order. */
  relocations(name: string): ElfRelocation[];
}

const SHT_SYMTAB = 2;
const SHT_REL = 9;
const SHN_UNDEF = 0;
const SHN_LORESERVE = 0xff00;

function cString(bytes: Uint8Array, offset: number): string {
  let end = offset;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return new TextDecoder().decode(bytes.subarray(offset, end));
}

export function readElf(bytes: Uint8Array): ElfFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, false) !== 0x7f454c46) throw new Error('not an ELF file');
  if (bytes[4] !== 2 || (bytes[5] !== 1 && bytes[5] !== 2)) throw new Error('only ELF64 is supported');
  const le = bytes[5] === 1;
  const shoff = Number(view.getBigUint64(0x28, le));
  const shentsize = view.getUint16(0x3a, le);
  const shnum = view.getUint16(0x3c, le);
  const shstrndx = view.getUint16(0x3e, le);

  const raw = Array.from({ length: shnum }, (_, index) => {
    const at = shoff + index * shentsize;
    const offset = Number(view.getBigUint64(at + 0x18, le));
    const size = Number(view.getBigUint64(at + 0x20, le));
    const type = view.getUint32(at + 4, le);
    return {
      index,
      nameOffset: view.getUint32(at, le),
      type,
      flags: view.getBigUint64(at + 8, le),
      link: view.getUint32(at + 0x28, le),
      info: view.getUint32(at + 0x2c, le),
      entsize: Number(view.getBigUint64(at + 0x38, le)),
      // SHT_NOBITS (.bss) occupies no file space.
      data: type === 8 ? new Uint8Array(size) : bytes.subarray(offset, offset + size),
    };
  });
  const names = raw[shstrndx]?.data ?? new Uint8Array();
  const sections: ElfSection[] = raw.map(({ nameOffset, ...rest }) => ({ ...rest, name: cString(names, nameOffset) }));

  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  const symbols: ElfSymbol[] = [];
  if (symtab) {
    const strtab = sections[symtab.link]?.data ?? new Uint8Array();
    const sv = new DataView(symtab.data.buffer, symtab.data.byteOffset, symtab.data.byteLength);
    for (let at = 0; at + 24 <= symtab.data.length; at += 24) {
      const shndx = sv.getUint16(at + 6, le);
      symbols.push({
        name: cString(strtab, sv.getUint32(at, le)),
        info: sv.getUint8(at + 4),
        shndx,
        value: Number(sv.getBigUint64(at + 8, le)),
        size: Number(sv.getBigUint64(at + 16, le)),
        section: shndx === SHN_UNDEF || shndx >= SHN_LORESERVE ? '' : (sections[shndx]?.name ?? '?'),
      });
    }
  }

  return {
    sections,
    symbols,
    section: (name) => sections.find((s) => s.name === name),
    relocations(name) {
      const target = sections.find((s) => s.name === name);
      if (!target) return [];
      const out: ElfRelocation[] = [];
      for (const rel of sections) {
        if (rel.type !== SHT_REL || rel.info !== target.index) continue;
        const rv = new DataView(rel.data.buffer, rel.data.byteOffset, rel.data.byteLength);
        for (let at = 0; at + 16 <= rel.data.length; at += 16) {
          const info = rv.getBigUint64(at + 8, le);
          const sym = symbols[Number(info >> 32n)];
          out.push({
            offset: Number(rv.getBigUint64(at, le)),
            type: Number(info & 0xffffffffn),
            symbol: sym ? sym.name || `[section ${sym.section}]` : '?',
          });
        }
      }
      return out;
    },
  };
}
