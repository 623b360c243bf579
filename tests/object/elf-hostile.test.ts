/** parseElf on malformed input: every defect is an ElfError that says what and where. */
import { describe, expect, it } from 'vitest';
import { ElfError, parseElf, SHT } from '../../src/bpf/object/elf';
import { buildElf, concat, rel, symbol } from './elf-builder';

const strtab = Uint8Array.from([0, ...new TextEncoder().encode('prog'), 0]);
const code = new Uint8Array(16);

/** sections: 1 xdp, 2 .strtab, 3 .symtab, 4 .relxdp, 5 .shstrtab */
function validSpec(relocation = rel(0, 1, 1)) {
  return [
    { name: 'xdp', type: SHT.PROGBITS, data: code, flags: 6 },
    { name: '.strtab', type: SHT.STRTAB, data: strtab },
    {
      name: '.symtab',
      type: SHT.SYMTAB,
      data: concat(symbol(0, 0, 0), symbol(1, 0x12, 1, 0, 16)),
      link: 2,
      entsize: 24,
    },
    { name: '.relxdp', type: SHT.REL, data: relocation, link: 3, info: 1, entsize: 16 },
  ];
}

function expectElfError(bytes: Uint8Array, pattern: RegExp): void {
  let caught: unknown;
  try {
    parseElf(bytes);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ElfError);
  expect((caught as Error).message).toMatch(pattern);
}

describe('parseElf', () => {
  it('reads a hand-built object', () => {
    const elf = parseElf(buildElf(validSpec()).bytes);
    expect(elf.sections.map((s) => s.name)).toEqual(['', 'xdp', '.strtab', '.symtab', '.relxdp', '.shstrtab']);
    expect(elf.symbols[1]).toMatchObject({ name: 'prog', bind: 1, type: 2, sectionIndex: 1, size: 16 });
    expect(elf.relocations[0]!.targetIndex).toBe(1);
    expect(elf.relocations[0]!.entries).toEqual([{ offset: 0, symbol: 1, type: 1, addend: 0n }]);
    expect(elf.sectionByName('xdp')!.data).toEqual(code);
  });

  it('rejects short files, bad magic, 32-bit and big-endian files', () => {
    const good = buildElf(validSpec()).bytes;
    expectElfError(new Uint8Array(0), /header: file is 0 bytes/);
    expectElfError(good.subarray(0, 63), /shorter than the 64-byte ELF64 header/);
    expectElfError(Uint8Array.from(good).fill(0, 0, 1), /bad magic/);
    const elf32 = Uint8Array.from(good);
    elf32[4] = 1;
    expectElfError(elf32, /not a 64-bit/);
    const bigEndian = Uint8Array.from(good);
    bigEndian[5] = 2;
    expectElfError(bigEndian, /not a little-endian/);
  });

  it('rejects a truncated section header table', () => {
    const { bytes, headerOffset } = buildElf(validSpec());
    expectElfError(bytes.subarray(0, headerOffset(3) + 10), /section header table \(6 entries\).*past the end/);
  });

  it('rejects section data past the end of the file', () => {
    const { bytes, headerOffset } = buildElf(validSpec());
    new DataView(bytes.buffer).setBigUint64(headerOffset(1) + 24, 0xfffffn, true);
    expectElfError(bytes, /section 1 'xdp' data: range 0xfffff\.\..*past the end/);
  });

  it('rejects 64-bit sizes that do not fit a number', () => {
    const { bytes, headerOffset } = buildElf(validSpec());
    new DataView(bytes.buffer).setBigUint64(headerOffset(1) + 32, 0xffffffffffffff00n, true);
    expectElfError(bytes, /section header 1 .*too large/);
  });

  it('rejects a huge section count without allocating for it', () => {
    const { bytes } = buildElf(validSpec());
    new DataView(bytes.buffer).setUint16(60, 0xfff0, true);
    expectElfError(bytes, /section header table \(65520 entries\)/);
  });

  it('rejects bad string indices', () => {
    const { bytes, headerOffset } = buildElf(validSpec());
    new DataView(bytes.buffer).setUint32(headerOffset(2), 9999, true);
    expectElfError(bytes, /section 2 name: string offset 9999 is outside/);
    const badShstrndx = buildElf(validSpec()).bytes;
    new DataView(badShstrndx.buffer).setUint16(62, 77, true);
    expectElfError(badShstrndx, /e_shstrndx 77 is not a section/);
    const spec = validSpec();
    spec[2]!.data = concat(symbol(0, 0, 0), symbol(500, 0x12, 1));
    expectElfError(buildElf(spec).bytes, /symbol 1 name: string offset 500/);
  });

  it('rejects a string without its terminator', () => {
    const spec = validSpec();
    spec[1]!.data = Uint8Array.from([0, 0x61, 0x62]);
    spec[2]!.data = concat(symbol(0, 0, 0), symbol(1, 0x12, 1));
    expectElfError(buildElf(spec).bytes, /symbol 1 name: string at offset 1 is not NUL-terminated/);
  });

  it('rejects symbols in sections that do not exist', () => {
    const spec = validSpec();
    spec[2]!.data = concat(symbol(0, 0, 0), symbol(1, 0x12, 40));
    expectElfError(buildElf(spec).bytes, /symbol 1: section index 40 is out of range/);
  });

  it('rejects a symbol table with a broken entry size', () => {
    const spec = validSpec();
    spec[2]!.data = concat(symbol(0, 0, 0), symbol(1, 0x12, 1)).subarray(0, 40);
    spec[2]!.entsize = 0;
    expectElfError(buildElf(spec).bytes, /size 40 is not a multiple of the 24-byte entry/);
  });

  it('rejects bad relocation symbols, offsets and targets', () => {
    expectElfError(buildElf(validSpec(rel(0, 9, 1))).bytes, /entry 0: symbol index 9 is out of range \(2 symbols\)/);
    expectElfError(buildElf(validSpec(rel(64, 1, 1))).bytes, /entry 0: offset 0x40 is past the end of 'xdp'/);
    const spec = validSpec();
    spec[3]!.info = 30;
    expectElfError(buildElf(spec).bytes, /relocation section 4 '.relxdp': target section \(sh_info\) 30/);
  });
});
