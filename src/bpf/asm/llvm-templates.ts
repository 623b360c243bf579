/**
 * llvm-objdump's BPF syntax as one text template per table row. The disassembler fills
 * templates in; the llvm-syntax assembler compiles the same templates into regexes, so
 * the two directions cannot drift apart.
 *
 * Placeholders:  %D dst reg   %S src reg   %O mem offset (` + 0x4`)   %I imm   %L lddw value
 *   %J off as jump displacement   %K imm as jump displacement   %P lddw src (pseudo kind)
 *   %U imm as unsigned 32-bit (ld_pseudo prints it so)
 *   Lossless extensions, empty when zero: %H `, imm_hi` (ld_pseudo)  %F `, off` (kfunc call)
 *   %N ` + imm` (ld_ind)
 */
import { Mode, type InsnSpec } from '../isa';

export interface SyntaxOptions {
  /** Print 32-bit loads/stores/atomics with w registers, as llvm-objdump --mcpu=v3/v4 does. */
  readonly alu32: boolean;
  /**
   * Reproduce llvm-objdump exactly, including where it drops information (calls to
   * subprograms and kfuncs look like helper calls, ld_ind's imm and ld_pseudo's high
   * word vanish). Otherwise those encodings get spellings this assembler reads back.
   */
  readonly objdump: boolean;
}

/** What objdump prints for an encoding it cannot disassemble. */
export const UNKNOWN = '<unknown>';

const bitsOf = (spec: InsnSpec): number => spec.size * 8;
const reg = (width: 32 | 64): string => (width === 32 ? 'w' : 'r');
const isSignExtendingLoad = (spec: InsnSpec): boolean => (spec.opcode & 0xe0) === Mode.MEMSX;

/** `lock fetch add32` → { fetch: true, op: 'add' }. */
function atomicParts(spec: InsnSpec): { fetch: boolean; op: string } {
  const words = spec.mnemonic.split(' ').slice(1);
  const fetch = words[0] === 'fetch';
  return { fetch, op: words.at(-1)!.replace(/32$/, '') };
}

function atomicTemplate(spec: InsnSpec, o: SyntaxOptions): string {
  const { fetch, op } = atomicParts(spec);
  const wide = spec.width === 64;
  const bits = bitsOf(spec);
  // Without alu32, llvm-objdump knows only the 32-bit add, and prints fetch-add like add.
  if (o.objdump && !o.alu32 && !wide) {
    return op === 'add' ? `lock *(u32 *)(r%D%O) += r%S` : UNKNOWN;
  }
  const r = reg(spec.width);
  if (op === 'xchg') return `${r}%S = xchg${wide ? '_64' : '32_32'}(r%D%O, ${r}%S)`;
  if (op === 'cmpxchg') return `${r}0 = cmpxchg${wide ? '_64' : '32_32'}(r%D%O, ${r}0, ${r}%S)`;
  if (fetch) return `${r}%S = atomic_fetch_${op}((u${bits} *)(r%D%O), ${r}%S)`;
  return `lock *(u${bits} *)(r%D%O) ${spec.operator} ${r}%S`;
}

/** The template for `spec`; `pseudoLddw` selects lddw's ld_pseudo form (src ≠ 0). */
export function llvmTemplate(spec: InsnSpec, o: SyntaxOptions, pseudoLddw = false): string {
  const r = reg(spec.width);
  // Sub-64-bit loads and stores name a w register only when the cpu has alu32.
  const memReg = o.alu32 && spec.size < 8 ? 'w' : 'r';
  const bits = bitsOf(spec);
  switch (spec.shape) {
    case 'alu':
      return `${r}%D ${spec.operator} ${spec.usesSrcReg ? `${r}%S` : '%I'}`;
    case 'neg':
      return `${r}%D = -${r}%D`;
    case 'endian':
      return `r%D = ${spec.mnemonic} r%D`;
    case 'movsx':
      return `${r}%D = (s${bits})${r}%S`;
    case 'ldx':
      return isSignExtendingLoad(spec) ? `r%D = *(s${bits} *)(r%S%O)` : `${memReg}%D = *(u${bits} *)(r%S%O)`;
    case 'st':
      return `*(u${bits} *)(r%D%O) = %I`;
    case 'stx':
      return `*(u${bits} *)(r%D%O) = ${memReg}%S`;
    case 'atomic':
      return atomicTemplate(spec, o);
    case 'jump':
      return `if ${r}%D ${spec.operator} ${spec.usesSrcReg ? `${r}%S` : '%I'} goto %J`;
    case 'ja':
      return 'goto %J';
    case 'gotol':
      return 'gotol %K';
    case 'call':
      return 'call %I';
    case 'call-local':
      return o.objdump ? 'call %I' : 'call local %I';
    case 'call-kfunc':
      return o.objdump ? 'call %I' : 'call kfunc %I%F';
    case 'callx':
      return 'callx r%D';
    case 'exit':
      return 'exit';
    case 'lddw':
      return pseudoLddw ? `ld_pseudo\tr%D, %P, %U${o.objdump ? '' : '%H'}` : 'r%D = %L ll';
    case 'ld-abs':
      return `r0 = *(u${bits} *)skb[%I]`;
    case 'ld-ind':
      return `r0 = *(u${bits} *)skb[r%S${o.objdump ? '' : '%N'}]`;
  }
}

/** Every template the assembler should recognise for `spec` (lossless ones only). */
export function parseTemplates(spec: InsnSpec): string[] {
  const forms = new Set<string>();
  for (const alu32 of [true, false]) {
    const o = { alu32, objdump: false };
    forms.add(llvmTemplate(spec, o));
    if (spec.shape === 'lddw') forms.add(llvmTemplate(spec, o, true));
  }
  forms.delete(UNKNOWN);
  return [...forms];
}
