/** `ebpf-playground disasm FILE.o`: every code section, laid out like `llvm-objdump -d`. */
import { readFile } from 'node:fs/promises';
import { formatListing, type ListingRelocation, type ListingSymbol } from '../../bpf/asm';
import { type ElfFile, type ElfSection, R_BPF, SHF, STT, parseElf } from '../../bpf/object';
import { type CliCommand, type CliIo, UsageError } from '../command';

const USAGE = `usage: ebpf-playground disasm FILE.o [--mcpu=v1|v2|v3|v4] [-r] [--lossless]

Disassembles every executable section of a BPF ELF object in llvm-objdump's syntax.
  --mcpu=vN   print 32-bit loads/stores/atomics with w registers from v3 on, as
              llvm-objdump --mcpu does (default: like plain llvm-objdump -d)
  -r          show relocations (map references, calls) under the instructions they patch
  --lossless  spell local calls, kfunc calls, ld_ind offsets and ld_pseudo high words
              so the text assembles back to the same bytes (differs from objdump there)`;

interface Options {
  file: string;
  alu32: boolean;
  relocations: boolean;
  lossless: boolean;
}

function parseArgs(args: readonly string[]): Options {
  const o: Options = { file: '', alu32: false, relocations: false, lossless: false };
  for (const arg of args) {
    const mcpu = /^--mcpu=(?:v([1-4])|generic|probe)$/.exec(arg);
    if (mcpu !== null) o.alu32 = Number(mcpu[1] ?? 1) >= 3;
    else if (arg === '-r' || arg === '--reloc') o.relocations = true;
    else if (arg === '--lossless') o.lossless = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else if (o.file === '') o.file = arg;
    else throw new UsageError(`unexpected argument '${arg}'`);
  }
  if (o.file === '') throw new UsageError('missing FILE.o');
  return o;
}

const RELOCATION_NAMES = new Map<number, string>(
  Object.entries(R_BPF).map(([key, value]) => [value, `R_BPF_${key.replace(/^R/, '')}`]),
);

/** Functions and labels defined in the section (objdump's header and `<sym+0x..>` candidates). */
function sectionSymbols(elf: ElfFile, section: ElfSection): ListingSymbol[] {
  return elf.symbols
    .filter((s) => s.sectionIndex === section.index && s.name !== '')
    .filter((s) => s.type === STT.FUNC || s.type === STT.NOTYPE)
    .map((s) => ({ name: s.name, offset: s.value }));
}

function sectionRelocations(elf: ElfFile, section: ElfSection): ListingRelocation[] {
  return elf.relocations
    .filter((r) => r.targetIndex === section.index)
    .flatMap((r) => r.entries)
    .map((r) => {
      const sym = elf.symbols[r.symbol]!;
      // Section symbols have no name of their own; objdump shows the section's.
      const name = sym.type === STT.SECTION ? (elf.sections[sym.sectionIndex]?.name ?? '') : sym.name;
      return { offset: r.offset, type: RELOCATION_NAMES.get(r.type) ?? String(r.type), symbol: name };
    });
}

export function disassembleObject(file: string, elf: ElfFile, o: Omit<Options, 'file'>): string {
  const out = [`\n${file}:\tfile format elf64-bpf\n`];
  for (const section of elf.sections) {
    if ((section.flags & SHF.EXECINSTR) === 0 || section.data.length === 0) continue;
    out.push(`\nDisassembly of section ${section.name}:\n`);
    out.push(
      formatListing(section.data, {
        sectionName: section.name,
        symbols: sectionSymbols(elf, section),
        relocations: sectionRelocations(elf, section),
        showRelocations: o.relocations,
        alu32: o.alu32,
        objdump: !o.lossless,
      }),
    );
  }
  return out.join('');
}

export const disasmCommand: CliCommand = {
  name: 'disasm',
  summary: 'disassemble every program section of a BPF object (like llvm-objdump -d)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const o = parseArgs(args);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(o.file));
    } catch (e) {
      io.err(`ebpf-playground disasm: cannot read '${o.file}': ${(e as Error).message}`);
      return 1;
    }
    let elf: ElfFile;
    try {
      elf = parseElf(bytes);
    } catch (e) {
      io.err(`ebpf-playground disasm: '${o.file}' is not a readable BPF object: ${(e as Error).message}`);
      return 1;
    }
    io.out(disassembleObject(o.file, elf, o));
    return 0;
  },
};
