/**
 * Assembler for llvm-objdump / llvm-mc BPF syntax (`r0 = *(u32 *)(r1 + 0x4)`,
 * `if w1 s> -0x3 goto +0x2`, `r1 = 0x0 ll`). Accepts objdump listings as they are:
 * address and raw-byte columns, `<sym+0x..>` suffixes, symbol headers and relocation
 * lines are skipped.
 */
import { REG_COUNT } from '../isa';
import { AsmError } from './errors';
import { llvmPatterns, type Pattern } from './llvm-patterns';
import { UNKNOWN } from './llvm-templates';
import { IMM32, IMM64, OFF16, fitSigned, isHex, parseLiteral } from './numbers';
import { buildProgram, type Assembled } from './program-builder';
import { LABEL_NAME, statements } from './source';
import { withDiscriminator } from './spec-encoding';

const LISTING_COLUMNS = /^\s*\d+:\s+(?:[0-9a-f]{2} ){7}(?:(?:[0-9a-f]{2} ){8})?[0-9a-f]{2}(?:\s+|$)/i;
const NOISE = [
  /^\s*$/,
  /^.*:\s+file format /, // objdump's file banner
  /^Disassembly of section /,
  /^\s*[0-9a-f]+:\s+R_BPF_\w+/i, // relocation line
];
const SYMBOL_HEADER = /^[0-9a-f]{16} <(.+)>:\s*$/i;
const JUMP_SUFFIX = /(\S)\s*<[^<>]*>\s*$/;

/** Drops listing decoration; symbol headers become labels so `call` targets can name them. */
function listingLine(raw: string): string | null {
  const header = SYMBOL_HEADER.exec(raw);
  if (header !== null) return LABEL_NAME.test(header[1]!) ? `${header[1]}:` : null;
  if (NOISE.some((r) => r.test(raw))) return null;
  return raw.replace(LISTING_COLUMNS, '');
}

function number(text: string, bits: 16 | 32 | 64, what: string, line: number): bigint {
  const value = parseLiteral(text.replace(/\s+/g, ''));
  if (value === null) throw new AsmError(line, `invalid number '${text}' for ${what}`);
  const range = bits === 16 ? OFF16(what) : bits === 32 ? IMM32(what) : { ...IMM64, what };
  return fitSigned(value, range, line, isHex(text));
}

/** ` - 0x8` / ` + 4` / `, 3` → signed value. */
const signedTail = (text: string): string => text.replace(/^\s*,\s*/, '').replace(/^\s*([+-])\s*/, '$1');

function registerNumber(text: string, line: number): number {
  const n = Number(text);
  if (n >= REG_COUNT) throw new AsmError(line, `invalid register r${text}: registers are r0..r10`);
  return n;
}

function fromMatch(p: Pattern, groups: Record<string, string | undefined>, line: number): Assembled {
  const i = withDiscriminator(p.spec);
  const g = (name: string): string | undefined => groups[name];
  const num = (name: string, bits: 16 | 32 | 64, what: string): number =>
    Number(number(signedTail(g(name)!), bits, what, line));
  if (g('dst') !== undefined) i.dst = registerNumber(g('dst')!, line);
  if (g('src') !== undefined) i.src = registerNumber(g('src')!, line);
  if (g('off') !== undefined) i.off = num('off', 16, 'offset');
  if (g('imm') !== undefined) i.imm = num('imm', 32, 'immediate');
  if (g('kfuncOff') !== undefined) i.off = num('kfuncOff', 16, 'kfunc offset');
  if (g('indImm') !== undefined) i.imm = num('indImm', 32, 'packet offset');
  if (g('immHi') !== undefined) i.immHi = num('immHi', 32, 'high immediate');
  if (g('pseudo') !== undefined) i.src = num('pseudo', 16, 'ld_pseudo source');
  if (g('imm64') !== undefined) {
    const value = number(g('imm64')!, 64, 'immediate', line);
    i.imm = Number(BigInt.asIntN(32, value));
    i.immHi = Number(BigInt.asIntN(32, value >> 32n));
  }
  for (const [group, field, bits] of [
    ['jumpOff', 'off', 16],
    ['jumpImm', 'imm', 32],
  ] as const) {
    const text = g(group);
    if (text === undefined) continue;
    if (LABEL_NAME.test(text)) return { insn: i, labelRef: { name: text, field } };
    i[field] = Number(number(text, bits, 'jump offset', line));
  }
  if (p.pseudo && (i.src < 1 || i.src > 15)) throw new AsmError(line, `ld_pseudo source ${i.src} is not 1..15`);
  return { insn: i };
}

export function assembleLlvmLine(text: string, line: number): Assembled {
  const bare = text.replace(JUMP_SUFFIX, '$1').trim();
  if (bare === UNKNOWN) {
    throw new AsmError(line, `${UNKNOWN} cannot be assembled: llvm-objdump could not decode this instruction`);
  }
  for (const p of llvmPatterns()) {
    const m = p.regex.exec(bare);
    if (m !== null) return fromMatch(p, m.groups ?? {}, line);
  }
  throw new AsmError(line, `not an instruction in llvm syntax: '${bare}'`);
}

/** Assembles llvm-objdump / llvm-mc text (or a pasted objdump listing). Throws AsmError. */
export function assembleLlvm(text: string): Uint8Array {
  return buildProgram(statements(text, listingLine), assembleLlvmLine);
}
