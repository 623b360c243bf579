/** ELF64 constants and the parsed shapes returned by parseElf (System V gABI, little-endian only). */

export const SHT = {
  NULL: 0,
  PROGBITS: 1,
  SYMTAB: 2,
  STRTAB: 3,
  RELA: 4,
  NOBITS: 8,
  REL: 9,
  DYNSYM: 11,
  SYMTAB_SHNDX: 18,
  LLVM_ADDRSIG: 0x6fff4c03,
} as const;

export const SHF = { WRITE: 0x1, ALLOC: 0x2, EXECINSTR: 0x4, MERGE: 0x10, STRINGS: 0x20 } as const;

/** Special section indices in st_shndx. */
export const SHN = { UNDEF: 0, LORESERVE: 0xff00, ABS: 0xfff1, COMMON: 0xfff2, XINDEX: 0xffff } as const;

export const STB = { LOCAL: 0, GLOBAL: 1, WEAK: 2 } as const;
export const STT = { NOTYPE: 0, OBJECT: 1, FUNC: 2, SECTION: 3, FILE: 4 } as const;

export const EM_BPF = 247;
export const ET_REL = 1;

/** Relocation types of the BPF backend (llvm/BinaryFormat/ELFRelocs/BPF.def). */
export const R_BPF = { NONE: 0, R64_64: 1, R64_ABS64: 2, R64_ABS32: 3, R64_NODYLD32: 4, R64_32: 10 } as const;

export interface ElfSection {
  readonly index: number;
  readonly name: string;
  readonly type: number;
  /** sh_flags; every defined flag fits in 32 bits, so a number is enough. */
  readonly flags: number;
  readonly addr: number;
  readonly offset: number;
  /** sh_size. For SHT_NOBITS (.bss) this is the in-memory size while `data` is empty. */
  readonly size: number;
  readonly link: number;
  readonly info: number;
  readonly addralign: number;
  readonly entsize: number;
  /** The section's bytes, a view into the input (empty for SHT_NOBITS). */
  readonly data: Uint8Array;
}

export interface ElfSymbol {
  /** Index in .symtab; relocations refer to symbols by this index. */
  readonly index: number;
  readonly name: string;
  readonly value: number;
  readonly size: number;
  /** STB_* binding (local, global, weak). */
  readonly bind: number;
  /** STT_* type (notype, object, func, section, file). */
  readonly type: number;
  /** STV_* visibility (low two bits of st_other). */
  readonly visibility: number;
  /** Section the symbol is defined in, or an SHN_* value (UNDEF, ABS, COMMON). SHN_XINDEX is resolved. */
  readonly sectionIndex: number;
}

export interface ElfRelocation {
  /** Byte offset inside the target section. */
  readonly offset: number;
  /** Index into ElfFile.symbols (checked to exist). */
  readonly symbol: number;
  /** R_BPF_* type. */
  readonly type: number;
  /** Explicit addend for SHT_RELA; 0n for SHT_REL (BPF uses REL, addends live in the instruction). */
  readonly addend: bigint;
}

export interface ElfRelocationSection {
  /** The SHT_REL/SHT_RELA section itself (e.g. ".relxdp"). */
  readonly section: ElfSection;
  /** Index of the section the relocations patch (sh_info). */
  readonly targetIndex: number;
  readonly entries: readonly ElfRelocation[];
}

export interface ElfFile {
  /** e_type: 1 for relocatable objects (what clang -c produces). */
  readonly type: number;
  /** e_machine: 247 (EM_BPF) for BPF objects. parseElf does not insist on it. */
  readonly machine: number;
  readonly flags: number;
  /** All section headers in file order; index 0 is the null section. */
  readonly sections: readonly ElfSection[];
  /** Symbols of the (single) .symtab, index 0 being the null symbol; empty when there is none. */
  readonly symbols: readonly ElfSymbol[];
  readonly relocations: readonly ElfRelocationSection[];
  /** First section with this name, or undefined. */
  sectionByName(name: string): ElfSection | undefined;
}
