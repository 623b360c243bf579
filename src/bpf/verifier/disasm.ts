/**
 * Instructions as the kernel's verifier log prints them (kernel/bpf/disasm.c output format):
 * `(b7) r1 = 0`, `(63) *(u32 *)(r10 -4) = r1`, `(15) if r0 == 0x0 goto pc+3`, `(85) call bpf_map_lookup_elem#1`.
 */
import { AluOp, Cls, JmpOp, Mode, classOf, type DecodedInsn } from '../isa';

const ALU_OPS: Record<number, string> = {
  [AluOp.ADD]: '+=',
  [AluOp.SUB]: '-=',
  [AluOp.MUL]: '*=',
  [AluOp.DIV]: '/=',
  [AluOp.OR]: '|=',
  [AluOp.AND]: '&=',
  [AluOp.LSH]: '<<=',
  [AluOp.RSH]: '>>=',
  [AluOp.NEG]: 'neg',
  [AluOp.MOD]: '%=',
  [AluOp.XOR]: '^=',
  [AluOp.MOV]: '=',
  [AluOp.ARSH]: 's>>=',
  [AluOp.END]: 'endian',
};
export const aluOpString = (op: number): string => ALU_OPS[op & 0xf0] ?? '?';

const JMP_OPS: Record<number, string> = {
  [JmpOp.JEQ]: '==',
  [JmpOp.JGT]: '>',
  [JmpOp.JGE]: '>=',
  [JmpOp.JSET]: '&',
  [JmpOp.JNE]: '!=',
  [JmpOp.JSGT]: 's>',
  [JmpOp.JSGE]: 's>=',
  [JmpOp.JLT]: '<',
  [JmpOp.JLE]: '<=',
  [JmpOp.JSLT]: 's<',
  [JmpOp.JSLE]: 's<=',
};

const SIZE_NAME: Record<number, string> = { 1: 'u8', 2: 'u16', 4: 'u32', 8: 'u64' };
const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;
const signedOff = (n: number): string => (n < 0 ? `${n}` : `+${n}`);

/** Address the log shows for a map in `lddw`: a stable stand-in for the kernel's map pointer. */
export const fakeMapAddress = (key: number): bigint => 0xffff888100000000n + BigInt(key) * 0x1000n;

function aluText(i: DecodedInsn): string {
  const r = i.spec.width === 32 ? 'w' : 'r';
  const op = i.opcode & 0xf0;
  const src = i.spec.usesSrcReg ? `${r}${i.src}` : `${i.imm}`;
  switch (i.spec.shape) {
    case 'neg':
      return `${r}${i.dst} = -${r}${i.dst}`;
    case 'endian': {
      const name = i.spec.mnemonic.replace(/\d+$/, '');
      return `r${i.dst} = ${name}${i.imm} r${i.dst}`;
    }
    case 'movsx':
      return `${r}${i.dst} = (s${i.off})${r}${i.src}`;
    default: {
      let opText = aluOpString(op);
      if ((op === AluOp.DIV || op === AluOp.MOD) && i.off === 1) opText = `s${opText}`;
      return `${r}${i.dst} ${opText} ${src}`;
    }
  }
}

function atomicText(i: DecodedInsn): string {
  const bits = i.spec.size * 8;
  const mem = `(u${bits} *)(r${i.dst} ${signedOff(i.off)})`;
  const w = bits === 32 ? 'w' : 'r';
  const fn = bits === 32 ? 'atomic' : 'atomic64';
  const name = i.spec.mnemonic;
  if (name.startsWith('lock cmpxchg')) return `r0 = ${fn}_cmpxchg(${mem}, r0, r${i.src})`;
  if (name.startsWith('lock xchg')) return `${w}${i.src} = ${fn}_xchg(${mem}, ${w}${i.src})`;
  const op = name.replace(/^lock (fetch )?/, '').replace(/32$/, '');
  if (name.startsWith('lock fetch')) return `${w}${i.src} = ${fn}_fetch_${op}(${mem}, ${w}${i.src})`;
  return `lock *${mem} ${i.spec.operator} r${i.src}`;
}

/** `allowPtrLeaks` false (unprivileged) prints map addresses as 0x0, as the kernel's log does then. */
export function insnText(i: DecodedInsn, helperName: (id: number) => string | undefined, allowPtrLeaks = true): string {
  const code = `(${i.opcode.toString(16).padStart(2, '0')}) `;
  const s = i.spec;
  const size = SIZE_NAME[s.size] ?? '';
  switch (s.shape) {
    case 'alu':
    case 'neg':
    case 'endian':
    case 'movsx':
      return code + aluText(i);
    case 'ldx': {
      const t = (i.opcode & 0xe0) === Mode.MEMSX ? size.replace('u', 's') : size;
      return `${code}r${i.dst} = *(${t} *)(r${i.src} ${signedOff(i.off)})`;
    }
    case 'st':
      return `${code}*(${size} *)(r${i.dst} ${signedOff(i.off)}) = ${i.imm}`;
    case 'stx':
      return `${code}*(${size} *)(r${i.dst} ${signedOff(i.off)}) = r${i.src}`;
    case 'atomic':
      return code + atomicText(i);
    case 'ld-abs':
      return `${code}r0 = *(${size} *)skb[${i.imm}]`;
    case 'ld-ind':
      return `${code}r0 = *(${size} *)skb[r${i.src} + ${i.imm}]`;
    case 'lddw': {
      if ((i.src === 1 || i.src === 2) && !allowPtrLeaks) return `${code}r${i.dst} = 0x0`;
      if (i.src === 1 || i.src === 2) {
        const addr = fakeMapAddress(i.imm) + (i.src === 2 ? BigInt(i.immHi >>> 0) : 0n);
        return `${code}r${i.dst} = 0x${addr.toString(16)}`;
      }
      const v = (BigInt(i.immHi >>> 0) << 32n) | BigInt(i.imm >>> 0);
      return `${code}r${i.dst} = 0x${v.toString(16)}`;
    }
    case 'jump': {
      const r = s.width === 32 ? 'w' : 'r';
      const src = s.usesSrcReg ? `${r}${i.src}` : hex(i.imm);
      return `${code}if ${r}${i.dst} ${JMP_OPS[i.opcode & 0xf0]} ${src} goto pc${signedOff(i.off)}`;
    }
    case 'ja':
      return `${code}goto pc${signedOff(i.off)}`;
    case 'gotol':
      return `${code}gotol pc${signedOff(i.imm)}`;
    case 'call':
      return `${code}call ${helperName(i.imm) ?? 'unknown'}#${i.imm}`;
    case 'call-local':
      return `${code}call pc${signedOff(i.imm)}`;
    case 'call-kfunc':
      return `${code}call kernel-function#${i.imm}`;
    case 'callx':
      return `${code}call r${i.dst}`;
    case 'exit':
      return `${code}exit`;
  }
}

export const isJmpClass = (opcode: number): boolean => classOf(opcode) === Cls.JMP || classOf(opcode) === Cls.JMP32;
