/**
 * Assembler for the bpf_conformance / uBPF syntax:
 *
 *     mov32 %r0, 1            ldxdw %r1, [%r10-8]        lock fetch add [%r10-8], %r1
 *     jne %r0, 15, failed     call local func1           lddw %r0, 0x8877665544332211
 *
 * Mnemonics and the rows they select come from the instruction table; this file only
 * knows how each operand shape is written.
 */
import { INSTRUCTION_TABLE, type InsnSpec, specsForMnemonic } from '../isa';
import { AsmError } from './errors';
import { buildProgram, type Assembled } from './program-builder';
import { statements } from './source';
import { imm32, isRegister, lddwOperand, memory, register, target } from './ubpf-operands';
import { withDiscriminator } from './spec-encoding';

/** Operands each shape takes, as shown in error messages. */
const OPERANDS: Record<InsnSpec['shape'], readonly string[]> = {
  alu: ['dst', 'src|imm'],
  neg: ['dst'],
  endian: ['dst'],
  movsx: ['dst', 'src'],
  ldx: ['dst', '[src+off]'],
  st: ['[dst+off]', 'imm'],
  stx: ['[dst+off]', 'src'],
  atomic: ['[dst+off]', 'src'],
  jump: ['dst', 'src|imm', 'target'],
  ja: ['target'],
  gotol: ['target'],
  call: ['imm'],
  'call-local': ['target'],
  'call-kfunc': ['imm'],
  callx: ['dst'],
  exit: [],
  lddw: ['dst', 'imm64'],
  'ld-abs': ['imm'],
  'ld-ind': ['src', 'imm'],
};

const callx = INSTRUCTION_TABLE.find((s) => s.shape === 'callx')!;

/** Longest table mnemonic the statement starts with (they may be several words: `lock fetch add`). */
function splitMnemonic(text: string, line: number): { specs: readonly InsnSpec[]; name: string; rest: string } {
  const words = text.split(/\s+/);
  for (let count = Math.min(3, words.length); count >= 1; count--) {
    const name = words.slice(0, count).join(' ').toLowerCase();
    const specs = specsForMnemonic(name);
    if (specs.length > 0) return { specs, name, rest: words.slice(count).join(' ') };
  }
  if (words[0]!.toLowerCase() === 'lock') {
    throw new AsmError(
      line,
      `incomplete '${text}': expected lock [fetch] add|or|and|xor|xchg|cmpxchg[32] [dst+off], src`,
    );
  }
  throw new AsmError(line, `invalid mnemonic '${words[0]}'`);
}

function splitOperands(rest: string): string[] {
  return rest.trim() === '' ? [] : rest.split(',').map((s) => s.trim());
}

/** Among rows sharing a mnemonic, the one whose K/X form matches the operand written. */
function pickRow(specs: readonly InsnSpec[], operands: readonly string[]): InsnSpec {
  const first = specs[0]!;
  if (first.shape === 'call' && operands.length === 1 && isRegister(operands[0]!)) return callx;
  if (specs.length === 1) return first;
  const regOperand = operands[1];
  const wantsReg = regOperand !== undefined && isRegister(regOperand);
  return specs.find((s) => s.usesSrcReg === wantsReg) ?? first;
}

function encode(spec: InsnSpec, ops: readonly string[], line: number): Assembled {
  const i = withDiscriminator(spec);
  const op = (n: number): string => ops[n]!;
  switch (spec.shape) {
    case 'alu':
      i.dst = register(op(0), line);
      if (spec.usesSrcReg) i.src = register(op(1), line);
      else i.imm = imm32(op(1), line);
      return { insn: i };
    case 'neg':
    case 'endian':
    case 'callx':
      i.dst = register(op(0), line);
      return { insn: i };
    case 'movsx':
      i.dst = register(op(0), line);
      i.src = register(op(1), line);
      return { insn: i };
    case 'ldx': {
      i.dst = register(op(0), line);
      const m = memory(op(1), line);
      i.src = m.reg;
      i.off = m.off;
      return { insn: i };
    }
    case 'st':
    case 'stx':
    case 'atomic': {
      const m = memory(op(0), line);
      i.dst = m.reg;
      i.off = m.off;
      if (spec.shape === 'st') i.imm = imm32(op(1), line);
      else i.src = register(op(1), line);
      return { insn: i };
    }
    case 'jump': {
      i.dst = register(op(0), line);
      if (spec.usesSrcReg) i.src = register(op(1), line);
      else i.imm = imm32(op(1), line);
      const t = target(op(2), 'off', line);
      i.off = t.value;
      return t.labelRef ? { insn: i, labelRef: t.labelRef } : { insn: i };
    }
    case 'ja':
    case 'gotol':
    case 'call-local': {
      const field = spec.shape === 'ja' ? 'off' : 'imm';
      const t = target(op(0), field, line);
      i[field] = t.value;
      return t.labelRef ? { insn: i, labelRef: t.labelRef } : { insn: i };
    }
    case 'call':
    case 'ld-abs':
      i.imm = imm32(op(0), line);
      return { insn: i };
    case 'call-kfunc':
      i.imm = imm32(op(0), line);
      if (ops.length > 1) i.off = target(op(1), 'off', line).value;
      return { insn: i };
    case 'ld-ind':
      i.src = register(op(0), line);
      i.imm = imm32(op(1), line);
      return { insn: i };
    case 'exit':
      return { insn: i };
    case 'lddw': {
      i.dst = register(op(0), line);
      const { src, value } = lddwOperand(op(1), line);
      i.src = src;
      i.imm = Number(BigInt.asIntN(32, value));
      i.immHi = Number(BigInt.asIntN(32, value >> 32n));
      return { insn: i };
    }
  }
}

export function assembleUbpfLine(text: string, line: number): Assembled {
  const { specs, name, rest } = splitMnemonic(text, line);
  const operands = splitOperands(rest);
  const spec = pickRow(specs, operands);
  const expected = OPERANDS[spec.shape];
  // kfunc calls may carry the BTF object index in off as an optional second operand.
  const optional = spec.shape === 'call-kfunc' ? 1 : 0;
  if (operands.length < expected.length || operands.length > expected.length + optional) {
    const shown = expected.length === 0 ? 'no operands' : `${expected.length} operand(s) (${expected.join(', ')})`;
    throw new AsmError(line, `invalid number of operands for '${name}': expected ${shown}, found ${operands.length}`);
  }
  return encode(spec, operands, line);
}

/** bpf_conformance lets jumps name `exit` without defining it: it means the first exit. */
const firstExit = (text: string): string | null => (text.toLowerCase() === 'exit' ? 'exit' : null);

/** Assembles bpf_conformance / uBPF text to little-endian bytecode. Throws AsmError. */
export function assembleUbpf(text: string): Uint8Array {
  return buildProgram(statements(text), assembleUbpfLine, firstExit);
}
