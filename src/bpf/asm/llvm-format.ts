/** Disassembler: one decoded instruction → llvm-objdump's text for it. */
import { type DecodedInsn, branchTarget, lddwValue } from '../isa';
import { llvmTemplate, type SyntaxOptions } from './llvm-templates';
import { displacement, signedHex } from './numbers';

export interface FormatOptions extends Partial<SyntaxOptions> {
  /**
   * Names a jump's target slot the way objdump's ` <sym+0x..>` suffix does; return
   * null for no suffix. Receives slots outside the program too (objdump prints those).
   */
  readonly symbolize?: (targetSlot: number) => string | null;
}

/** Defaults suit the playground: w registers where the cpu has them, nothing lost. */
export const DEFAULT_SYNTAX: SyntaxOptions = { alu32: true, objdump: false };

const memOffset = (off: number): string => (off < 0 ? ` - ${signedHex(-off)}` : ` + ${signedHex(off)}`);
const optional = (value: number, text: string): string => (value === 0 ? '' : text);

function placeholder(i: DecodedInsn, code: string): string {
  switch (code) {
    case 'D':
      return String(i.dst);
    case 'S':
      return String(i.src);
    case 'O':
      return memOffset(i.off);
    case 'I':
      return signedHex(i.imm);
    case 'U':
      return `0x${(i.imm >>> 0).toString(16)}`;
    case 'L':
      return signedHex(BigInt.asIntN(64, lddwValue(i)));
    case 'J':
      return displacement(i.off);
    case 'K':
      return displacement(i.imm);
    case 'P':
      return signedHex(i.src);
    case 'H':
      return optional(i.immHi, `, ${signedHex(i.immHi)}`);
    case 'F':
      return optional(i.off, `, ${signedHex(i.off)}`);
    case 'N':
      return optional(i.imm, memOffset(i.imm));
    default:
      throw new Error(`unknown template placeholder %${code}`);
  }
}

/** Jumps (and, outside objdump mode, local calls) get the target's symbol appended. */
function suffix(i: DecodedInsn, o: FormatOptions, objdump: boolean): string {
  if (o.symbolize === undefined) return '';
  if (i.spec.shape === 'call-local' && objdump) return '';
  const target = branchTarget(i);
  if (target === null) return '';
  const name = o.symbolize(target);
  return name === null ? '' : ` <${name}>`;
}

export function formatInsn(i: DecodedInsn, options: FormatOptions = {}): string {
  const syntax: SyntaxOptions = { ...DEFAULT_SYNTAX, ...options };
  const template = llvmTemplate(i.spec, syntax, i.spec.shape === 'lddw' && i.src !== 0);
  return template.replace(/%([A-Z])/g, (_, code: string) => placeholder(i, code)) + suffix(i, options, syntax.objdump);
}

/** One line per instruction, no addresses: the form the llvm-syntax assembler reads back. */
export function disassemble(insns: readonly DecodedInsn[], options: FormatOptions = {}): string {
  return insns.map((i) => `${formatInsn(i, options)}\n`).join('');
}
