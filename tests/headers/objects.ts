/** Comparable summaries of BPF object files, leaving out what legitimately differs between header trees. */
import { readElf } from './elf';

const SHT_SYMTAB = 2;
const SHT_STRTAB = 3;
const SHT_REL = 9;
const SHF_EXECINSTR = 4n;

/**
 * Debug information (DWARF, BTF, BTF.ext, and relocations against them) records header file names, line numbers and
 * type names, so it differs between two header trees even when the code is the same. Everything else is kept.
 */
const isDebug = (name: string): boolean => /^(\.rel)?\.(debug_|BTF)/.test(name) || name === '.llvm_addrsig';

export interface ObjectSummary {
  sections: { name: string; type: number; flags: string; bytes: string; relocations: string[] }[];
  symbols: string[];
  /** Total size of executable sections, in bytes. */
  codeBytes: number;
}

export function summarize(object: Uint8Array): ObjectSummary {
  const elf = readElf(object);
  const sections = elf.sections
    .filter((s) => s.index !== 0 && !isDebug(s.name) && ![SHT_SYMTAB, SHT_STRTAB, SHT_REL].includes(s.type))
    .map((s) => ({
      name: s.name,
      type: s.type,
      flags: s.flags.toString(16),
      bytes: Buffer.from(s.data).toString('hex'),
      relocations: elf.relocations(s.name).map((r) => `${r.offset}:${r.type}:${r.symbol}`),
    }));
  const symbols = elf.symbols
    .filter((s) => !isDebug(s.section))
    .map((s) => `${s.name}|${s.info}|${s.section}|${s.value}|${s.size}`);
  const codeBytes = elf.sections
    .filter((s) => (s.flags & SHF_EXECINSTR) !== 0n)
    .reduce((total, s) => total + s.data.length, 0);
  return { sections, symbols, codeBytes };
}

/** Number of CO-RE relocation records in an object's .BTF.ext section (0 when there is none). */
export function coreRelocationCount(object: Uint8Array): number {
  const ext = readElf(object).section('.BTF.ext');
  if (!ext) return 0;
  const v = new DataView(ext.data.buffer, ext.data.byteOffset, ext.data.byteLength);
  if (v.getUint16(0, true) !== 0xeb9f) throw new Error('bad .BTF.ext magic');
  const hdrLen = v.getUint32(4, true);
  if (hdrLen < 32) return 0; // a header without the CO-RE part
  const reloOff = hdrLen + v.getUint32(24, true);
  const reloLen = v.getUint32(28, true);
  if (reloLen === 0) return 0;
  const recordSize = v.getUint32(reloOff, true);
  let count = 0;
  for (let at = reloOff + 4; at < reloOff + reloLen;) {
    const n = v.getUint32(at + 4, true);
    count += n;
    at += 8 + n * recordSize;
  }
  return count;
}
