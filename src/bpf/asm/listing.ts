/**
 * `llvm-objdump -d` style listing of one code section: symbol headers, instruction
 * numbers, raw bytes, text, and optionally relocation lines (as `-r` adds them).
 */
import { SLOT_BYTES } from '../isa';
import { decodeLeniently, type ListingEntry } from './lenient-decode';
import { formatInsn } from './llvm-format';
import { UNKNOWN, type SyntaxOptions } from './llvm-templates';

export interface ListingSymbol {
  readonly name: string;
  /** Byte offset in the section. */
  readonly offset: number;
}

export interface ListingRelocation {
  /** Byte offset in the section. */
  readonly offset: number;
  /** Type name as objdump prints it, e.g. `R_BPF_64_64`. */
  readonly type: string;
  readonly symbol: string;
}

export interface ListingOptions extends Partial<SyntaxOptions> {
  readonly sectionName: string;
  /** Function (and label) symbols defined in this section. */
  readonly symbols?: readonly ListingSymbol[];
  /** The section's relocations: they tell which calls resolve through a symbol. */
  readonly relocations?: readonly ListingRelocation[];
  /** Print relocation lines under the instruction they patch (`-r`); default true. */
  readonly showRelocations?: boolean;
}

const hex16 = (n: bigint): string => n.toString(16).padStart(16, '0');
const rawBytes = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

/** objdump's `<sym+0x..>`: nearest symbol at or below the target's address, unsigned 64-bit. */
export function symbolizer(symbols: readonly ListingSymbol[]): (slot: number) => string | null {
  const sorted = [...symbols].sort((a, b) => a.offset - b.offset);
  return (slot) => {
    const address = BigInt.asUintN(64, BigInt(slot) * BigInt(SLOT_BYTES));
    let best: ListingSymbol | undefined;
    for (const s of sorted) if (BigInt(s.offset) <= address) best = s;
    if (best === undefined) return null;
    const delta = address - BigInt(best.offset);
    return delta === 0n ? best.name : `${best.name}+0x${delta.toString(16)}`;
  };
}

/** Symbols to print headers for; objdump names the section itself when nothing sits at 0. */
function headerSymbols(o: ListingOptions): ListingSymbol[] {
  const symbols = [...(o.symbols ?? [])].sort((a, b) => a.offset - b.offset);
  if (!symbols.some((s) => s.offset === 0)) symbols.unshift({ name: o.sectionName, offset: 0 });
  return symbols;
}

function entryText(
  e: ListingEntry,
  o: ListingOptions,
  symbolize: (slot: number) => string | null,
  relocated: boolean,
): string {
  if (e.kind === 'unknown') return UNKNOWN;
  // A relocated local call lands wherever its symbol does, not at pc + imm + 1 here.
  const named = relocated && e.insn.spec.shape === 'call-local' ? {} : { symbolize };
  return formatInsn(e.insn, { ...o, ...named });
}

export function formatListing(code: Uint8Array, options: ListingOptions): string {
  const headers = headerSymbols(options);
  const symbolize = symbolizer(headers);
  const relocations = [...(options.relocations ?? [])].sort((a, b) => a.offset - b.offset);
  const lines: string[] = [];
  for (const e of decodeLeniently(code)) {
    const pc = e.kind === 'insn' ? e.insn.pc : e.pc;
    const start = pc * SLOT_BYTES;
    for (const h of headers.filter((s) => s.offset >= start && s.offset < start + e.bytes.length)) {
      lines.push('', `${hex16(BigInt(h.offset))} <${h.name}>:`);
    }
    const patches = relocations.filter((x) => x.offset >= start && x.offset < start + e.bytes.length);
    const text = entryText(e, options, symbolize, patches.length > 0);
    lines.push(`${String(pc).padStart(8)}:\t${rawBytes(e.bytes)}\t${text}`);
    if (options.showRelocations === false) continue;
    for (const r of patches) {
      lines.push(`\t\t${hex16(BigInt(r.offset))}:  ${r.type}\t${r.symbol}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
