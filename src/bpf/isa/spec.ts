/** Types describing one row of the instruction table. */

/** How an instruction's operands are written; drives assembler, disassembler and docs. */
export type Shape =
  | 'alu' // dst op= src|imm
  | 'neg' // dst = -dst
  | 'endian' // dst = le16/be32/bswap64 dst (width in imm)
  | 'movsx' // dst = (s8|s16|s32)src
  | 'ldx' // dst = *(size *)(src + off)
  | 'st' // *(size *)(dst + off) = imm
  | 'stx' // *(size *)(dst + off) = src
  | 'atomic' // lock / atomic_fetch_* / xchg / cmpxchg on *(size *)(dst + off) with src
  | 'jump' // if dst op src|imm goto +off
  | 'ja' // goto +off
  | 'gotol' // goto +imm (32-bit range)
  | 'call' // helper call by id in imm
  | 'call-local' // bpf-to-bpf call, imm = pc-relative target - 1
  | 'call-kfunc' // kernel function by BTF id in imm
  | 'callx' // call through a register (dst)
  | 'exit'
  | 'lddw' // 64-bit immediate load over two slots
  | 'ld-abs' // legacy packet load at constant offset
  | 'ld-ind'; // legacy packet load at src + imm

/** What a field may hold. 'reg': a register 0..10; 'zero': must be 0; 'any': unrestricted. */
export type FieldRule = 'reg' | 'zero' | 'any';

export interface FieldRules {
  readonly dst: FieldRule;
  readonly src: FieldRule;
  readonly off: FieldRule;
  readonly imm: FieldRule;
}

/** A field whose exact value selects this row among rows sharing an opcode. */
export interface Discriminator {
  readonly field: 'off' | 'imm' | 'src';
  readonly value: number;
}

export type IsaVersion = 1 | 2 | 3 | 4;

export interface InsnSpec {
  /** Full opcode byte. */
  readonly opcode: number;
  /** Mnemonic in the bpf_conformance / uBPF assembly syntax. */
  readonly mnemonic: string;
  /** Other accepted spellings in the uBPF syntax. */
  readonly aliases: readonly string[];
  readonly shape: Shape;
  readonly discriminator: Discriminator | null;
  readonly fields: FieldRules;
  /** llvm-objdump operator: '+=', 's>>=', '==', 's<', '&', ... ('' where the shape has none). */
  readonly operator: string;
  /** Register width of the operands: w registers (32) or r registers (64). */
  readonly width: 32 | 64;
  /** Bytes accessed, for memory shapes. */
  readonly size: 0 | 1 | 2 | 4 | 8;
  /** Whether the operand is src register (true) or imm (false), for alu/jump shapes. */
  readonly usesSrcReg: boolean;
  /** The -mcpu version that introduced it. */
  readonly version: IsaVersion;
  /** One line, for hover docs and the reference page. */
  readonly meaning: string;
}
