/** parseElf against llvm-readelf-19's JSON view of every fixture: sections, symbols and relocations. */
import { describe, expect, it } from 'vitest';
import { parseElf, SHT, STT } from '../../src/bpf/object/elf';
import { compileFixture, fixtureNames, hasClang, hasReadelf, readelfJson, warnSkip } from './native';

interface Named {
  Name: string;
  Value: number;
}
interface ReadelfSection {
  Section: {
    Index: number;
    Name: Named;
    Type: Named;
    Flags: { Value: number };
    Offset: number;
    Size: number;
    Link: number;
    Info: number;
    AddressAlignment: number;
    EntrySize: number;
  };
}
interface ReadelfSymbol {
  Symbol: {
    Name: Named;
    Value: number;
    Size: number;
    Binding: Named;
    Type: Named;
    Section: Named;
  };
}
interface ReadelfRelocs {
  SectionIndex: number;
  Relocs: { Relocation: { Offset: number; Type: Named; Symbol: Named } }[];
}
interface ReadelfFile {
  Sections: ReadelfSection[];
  Symbols: ReadelfSymbol[];
  Relocations: ReadelfRelocs[];
}

const skip = warnSkip('ELF reader vs llvm-readelf-19', hasClang && hasReadelf);

describe.skipIf(skip)('parseElf agrees with llvm-readelf-19', () => {
  for (const name of skip ? [] : fixtureNames()) {
    it(name, () => {
      const { path, bytes } = compileFixture(name);
      const elf = parseElf(bytes);
      const [reference] = readelfJson(path, '-S', '-s', '-r') as ReadelfFile[];
      expect(elf.machine).toBe(247);
      expect(elf.sections.map((s) => s.index)).toEqual(reference!.Sections.map((s) => s.Section.Index));
      for (const { Section: want } of reference!.Sections) {
        const got = elf.sections[want.Index]!;
        expect({ name: got.name, type: got.type, flags: got.flags, size: got.size }).toEqual({
          name: want.Name.Name,
          type: want.Type.Value,
          flags: want.Flags.Value,
          size: want.Size,
        });
        expect([got.offset, got.link, got.info, got.addralign, got.entsize]).toEqual([
          want.Offset,
          want.Link,
          want.Info,
          want.AddressAlignment,
          want.EntrySize,
        ]);
        const inFile = got.type === SHT.NOBITS || got.type === SHT.NULL ? 0 : want.Size;
        expect(got.data.length).toBe(inFile);
        expect(got.data.byteOffset - bytes.byteOffset).toBe(inFile === 0 ? got.data.byteOffset : want.Offset);
      }
      expect(elf.symbols.length).toBe(reference!.Symbols.length);
      reference!.Symbols.forEach(({ Symbol: want }, i) => {
        const got = elf.symbols[i]!;
        // readelf shows section symbols (which have no name) under their section's name.
        const shownName = got.type === STT.SECTION ? elf.sections[got.sectionIndex]!.name : got.name;
        expect([shownName, got.value, got.size, got.bind, got.type, got.sectionIndex]).toEqual([
          want.Name.Name,
          want.Value,
          want.Size,
          want.Binding.Value,
          want.Type.Value,
          want.Section.Value,
        ]);
      });
      expect(elf.relocations.map((r) => r.section.index)).toEqual(reference!.Relocations.map((r) => r.SectionIndex));
      elf.relocations.forEach((rel, i) => {
        const want = reference!.Relocations[i]!.Relocs.map((r) => [
          r.Relocation.Offset,
          r.Relocation.Type.Value,
          r.Relocation.Symbol.Value,
        ]);
        expect(rel.entries.map((e) => [e.offset, e.type, e.symbol])).toEqual(want);
        expect(rel.targetIndex).toBe(rel.section.info);
      });
    });
  }
});
