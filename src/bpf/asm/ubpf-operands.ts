/** Operand readers for the bpf_conformance / uBPF syntax (`%r1`, `[%r10-8]`, `+3`, labels). */
import { LddwSrc, REG_COUNT } from '../isa';
import { AsmError } from './errors';
import { IMM32, IMM64, OFF16, fitSigned, isHex, literalIn, parseLiteral } from './numbers';
import { LABEL_NAME, type LabelRef } from './source';

const REGISTER = /^%?r(\d+)$/i;
const MEMORY = /^\[\s*([^\]+-]+?)\s*(?:([+-])\s*([^\]]+?))?\s*\]$/;

export const isRegister = (text: string): boolean => REGISTER.test(text);

export function register(text: string, line: number): number {
  const m = REGISTER.exec(text);
  if (m === null) throw new AsmError(line, `expected a register like %r1, found '${text}'`);
  const n = Number(m[1]);
  if (n >= REG_COUNT) throw new AsmError(line, `invalid register '${text}': registers are %r0..%r10`);
  return n;
}

/** `[%rN]`, `[%rN+off]` or `[%rN-off]`. */
export function memory(text: string, line: number): { reg: number; off: number } {
  const m = MEMORY.exec(text);
  if (m === null) throw new AsmError(line, `expected a memory operand like [%r10-8], found '${text}'`);
  const reg = register(m[1]!, line);
  if (m[2] === undefined) return { reg, off: 0 };
  const magnitude = parseLiteral(m[3]!);
  if (magnitude === null || m[3]!.trim().startsWith('-') || m[3]!.trim().startsWith('+')) {
    throw new AsmError(line, `invalid offset '${m[2]}${m[3]}' in '${text}'`);
  }
  const off = fitSigned(m[2] === '-' ? -magnitude : magnitude, OFF16(), line, isHex(m[3]!));
  return { reg, off: Number(off) };
}

export const imm32 = (text: string, line: number): number => literalIn(text, IMM32(), line);

/** A jump or call target: a signed number of instructions, or a label resolved later. */
export function target(text: string, field: 'off' | 'imm', line: number): { value: number; labelRef?: LabelRef } {
  if (parseLiteral(text) !== null) {
    return { value: literalIn(text, field === 'off' ? OFF16('jump offset') : IMM32('jump offset'), line) };
  }
  if (LABEL_NAME.test(text)) return { value: 0, labelRef: { name: text, field } };
  throw new AsmError(line, `expected a label or a signed offset like +3, found '${text}'`);
}

/** lddw source kinds by their spelling in this syntax (`map_fd`, `map_value`, ...). */
export const LDDW_KIND_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(LddwSrc).map(([name, src]) => [src, name.toLowerCase()]),
);

/** `0x1122334455667788`, or `map_fd 3` style for the kernel's pseudo sources. */
export function lddwOperand(text: string, line: number): { src: number; value: bigint } {
  const words = text.split(/\s+/);
  let src = LddwSrc.IMM64 as number;
  if (words.length === 2) {
    const kind = [...LDDW_KIND_NAMES].find(([, name]) => name === words[0]!.toLowerCase());
    if (kind === undefined) throw new AsmError(line, `unknown lddw source kind '${words[0]}'`);
    src = kind[0];
  }
  const literal = words.at(-1)!;
  const value = parseLiteral(literal);
  if (value === null || words.length > 2) throw new AsmError(line, `expected a 64-bit number, found '${text}'`);
  return { src, value: fitSigned(value, IMM64, line, isHex(literal)) };
}
