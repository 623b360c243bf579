/** Decoded instruction → bpf_conformance / uBPF text that assembleUbpf reads back. */
import { type DecodedInsn, lddwValue } from '../isa';
import { displacement, signedHex } from './numbers';
import { LDDW_KIND_NAMES } from './ubpf-operands';

const r = (n: number): string => `%r${n}`;
const mem = (reg: number, off: number): string =>
  `[${r(reg)}${off < 0 ? `-${signedHex(-off)}` : `+${signedHex(off)}`}]`;

function operands(i: DecodedInsn): string[] {
  const { spec } = i;
  switch (spec.shape) {
    case 'alu':
      return [r(i.dst), spec.usesSrcReg ? r(i.src) : signedHex(i.imm)];
    case 'neg':
    case 'endian':
    case 'callx':
      return [r(i.dst)];
    case 'movsx':
      return [r(i.dst), r(i.src)];
    case 'ldx':
      return [r(i.dst), mem(i.src, i.off)];
    case 'st':
      return [mem(i.dst, i.off), signedHex(i.imm)];
    case 'stx':
    case 'atomic':
      return [mem(i.dst, i.off), r(i.src)];
    case 'jump':
      return [r(i.dst), spec.usesSrcReg ? r(i.src) : signedHex(i.imm), displacement(i.off)];
    case 'ja':
      return [displacement(i.off)];
    case 'gotol':
    case 'call-local':
      return [displacement(i.imm)];
    case 'call':
    case 'ld-abs':
      return [signedHex(i.imm)];
    case 'call-kfunc':
      return i.off === 0 ? [signedHex(i.imm)] : [signedHex(i.imm), signedHex(i.off)];
    case 'ld-ind':
      return [r(i.src), signedHex(i.imm)];
    case 'exit':
      return [];
    case 'lddw': {
      const value = `0x${lddwValue(i).toString(16)}`;
      return [r(i.dst), i.src === 0 ? value : `${LDDW_KIND_NAMES.get(i.src) ?? i.src} ${value}`];
    }
  }
}

export function formatUbpfInsn(i: DecodedInsn): string {
  const ops = operands(i);
  return ops.length === 0 ? i.spec.mnemonic : `${i.spec.mnemonic} ${ops.join(', ')}`;
}

/** One instruction per line, jumps as relative offsets (no labels). */
export function disassembleUbpf(insns: readonly DecodedInsn[]): string {
  return insns.map((i) => `${formatUbpfInsn(i)}\n`).join('');
}
