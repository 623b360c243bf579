/**
 * Builds small ELF64 LSB relocatable files by hand, so hostile-input tests can corrupt exactly one
 * field without depending on a compiler.
 */
export interface SectionSpec {
  name: string;
  type: number;
  data?: Uint8Array;
  flags?: number;
  link?: number;
  info?: number;
  entsize?: number;
  /** Overrides sh_size (default: data length). */
  size?: number;
}

export interface BuiltElf {
  bytes: Uint8Array;
  /** File offset of section header `i`, for targeted corruption. */
  headerOffset(i: number): number;
}

/** Sections get indices 1..n in order; a .shstrtab is appended last. */
export function buildElf(sections: SectionSpec[], machine = 247): BuiltElf {
  const names: number[] = [0];
  const nameOffsets: number[] = [];
  for (const s of [...sections.map((x) => x.name), '.shstrtab']) {
    nameOffsets.push(names.length);
    names.push(...new TextEncoder().encode(s), 0);
  }
  const all: SectionSpec[] = [...sections, { name: '.shstrtab', type: 3, data: Uint8Array.from(names) }];
  let at = 64;
  const offsets = all.map((s) => {
    const o = at;
    at += (s.data?.length ?? 0) + 7;
    at -= at % 8;
    return o;
  });
  const shoff = at;
  const shnum = all.length + 1;
  const bytes = new Uint8Array(shoff + shnum * 64);
  const view = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  view.setUint16(16, 1, true);
  view.setUint16(18, machine, true);
  view.setUint32(20, 1, true);
  view.setBigUint64(40, BigInt(shoff), true);
  view.setUint16(52, 64, true);
  view.setUint16(58, 64, true);
  view.setUint16(60, shnum, true);
  view.setUint16(62, shnum - 1, true);
  all.forEach((s, i) => {
    const h = shoff + (i + 1) * 64;
    if (s.data) bytes.set(s.data, offsets[i]!);
    view.setUint32(h, nameOffsets[i]!, true);
    view.setUint32(h + 4, s.type, true);
    view.setBigUint64(h + 8, BigInt(s.flags ?? 0), true);
    view.setBigUint64(h + 24, BigInt(offsets[i]!), true);
    view.setBigUint64(h + 32, BigInt(s.size ?? s.data?.length ?? 0), true);
    view.setUint32(h + 40, s.link ?? 0, true);
    view.setUint32(h + 44, s.info ?? 0, true);
    view.setBigUint64(h + 48, 8n, true);
    view.setBigUint64(h + 56, BigInt(s.entsize ?? 0), true);
  });
  return { bytes, headerOffset: (i) => shoff + i * 64 };
}

/** One Elf64_Sym. */
export function symbol(name: number, info: number, shndx: number, value = 0, size = 0): Uint8Array {
  const b = new Uint8Array(24);
  const v = new DataView(b.buffer);
  v.setUint32(0, name, true);
  v.setUint8(4, info);
  v.setUint16(6, shndx, true);
  v.setBigUint64(8, BigInt(value), true);
  v.setBigUint64(16, BigInt(size), true);
  return b;
}

/** One Elf64_Rel. */
export function rel(offset: number, symbolIndex: number, type: number): Uint8Array {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setBigUint64(0, BigInt(offset), true);
  v.setUint32(8, type, true);
  v.setUint32(12, symbolIndex, true);
  return b;
}

export const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
