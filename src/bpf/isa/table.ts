/**
 * THE instruction table: one row per distinct instruction of RFC 9669 (ISA v1-v4).
 *
 * Decoder/validator, assembler, disassembler, interpreter dispatch and the editor's
 * hover docs all read this array; nothing else lists instructions. Rows are built
 * by small expanders below so that each family is stated once, as data.
 */
import { AluOp, Atomic, CallSrc, Cls, JmpOp, Mode, Size, Src } from './opcodes';
import type { Discriminator, FieldRules, InsnSpec, IsaVersion, Shape } from './spec';

const F = (
  dst: FieldRules['dst'],
  src: FieldRules['src'],
  off: FieldRules['off'],
  imm: FieldRules['imm'],
): FieldRules => ({
  dst,
  src,
  off,
  imm,
});

interface RowInit {
  opcode: number;
  mnemonic: string;
  shape: Shape;
  fields: FieldRules;
  meaning: string;
  aliases?: string[];
  discriminator?: Discriminator;
  operator?: string;
  width?: 32 | 64;
  size?: 0 | 1 | 2 | 4 | 8;
  usesSrcReg?: boolean;
  version?: IsaVersion;
}

const row = (r: RowInit): InsnSpec => ({
  opcode: r.opcode,
  mnemonic: r.mnemonic,
  aliases: r.aliases ?? [],
  shape: r.shape,
  discriminator: r.discriminator ?? null,
  fields: r.fields,
  operator: r.operator ?? '',
  width: r.width ?? 64,
  size: r.size ?? 0,
  usesSrcReg: r.usesSrcReg ?? false,
  version: r.version ?? 1,
  meaning: r.meaning,
});

// --- ALU / ALU64 -----------------------------------------------------------------

interface AluDef {
  op: number;
  name: string;
  operator: string;
  meaning: string;
  off?: number; // discriminating offset (sdiv/smod)
  version?: IsaVersion;
}

const ALU_DEFS: AluDef[] = [
  { op: AluOp.ADD, name: 'add', operator: '+=', meaning: 'dst += src' },
  { op: AluOp.SUB, name: 'sub', operator: '-=', meaning: 'dst -= src' },
  { op: AluOp.MUL, name: 'mul', operator: '*=', meaning: 'dst *= src' },
  { op: AluOp.DIV, name: 'div', operator: '/=', meaning: 'dst = src ? dst / src : 0 (unsigned)', off: 0 },
  { op: AluOp.DIV, name: 'sdiv', operator: 's/=', meaning: 'dst = src ? dst / src : 0 (signed)', off: 1, version: 4 },
  { op: AluOp.OR, name: 'or', operator: '|=', meaning: 'dst |= src' },
  { op: AluOp.AND, name: 'and', operator: '&=', meaning: 'dst &= src' },
  { op: AluOp.LSH, name: 'lsh', operator: '<<=', meaning: 'dst <<= (src & (width - 1))' },
  { op: AluOp.RSH, name: 'rsh', operator: '>>=', meaning: 'dst >>= (src & (width - 1)), logical' },
  { op: AluOp.MOD, name: 'mod', operator: '%=', meaning: 'dst = src ? dst % src : dst (unsigned)', off: 0 },
  { op: AluOp.MOD, name: 'smod', operator: 's%=', meaning: 'dst = src ? dst % src : dst (signed)', off: 1, version: 4 },
  { op: AluOp.XOR, name: 'xor', operator: '^=', meaning: 'dst ^= src' },
  { op: AluOp.MOV, name: 'mov', operator: '=', meaning: 'dst = src', off: 0 },
  { op: AluOp.ARSH, name: 'arsh', operator: 's>>=', meaning: 'dst >>= (src & (width - 1)), arithmetic' },
];

function aluRows(): InsnSpec[] {
  const rows: InsnSpec[] = [];
  for (const width of [64, 32] as const) {
    const cls = width === 64 ? Cls.ALU64 : Cls.ALU;
    const suffix = width === 64 ? '' : '32';
    // ALU32 arrived with -mcpu=v3 in LLVM, but the kernel has always accepted it.
    const baseVersion: IsaVersion = width === 64 ? 1 : 3;
    for (const d of ALU_DEFS) {
      const discriminator = d.off === undefined ? undefined : { field: 'off' as const, value: d.off };
      const version = d.version ?? baseVersion;
      const aliases = width === 64 ? [`${d.name}64`] : [];
      rows.push(
        row({
          opcode: cls | Src.K | d.op,
          mnemonic: d.name + suffix,
          aliases,
          shape: 'alu',
          fields: F('reg', 'zero', 'zero', 'any'),
          discriminator,
          operator: d.operator,
          width,
          version,
          meaning: `${d.meaning.replace(/src/g, 'imm')} (${width}-bit)`,
        }),
        row({
          opcode: cls | Src.X | d.op,
          mnemonic: d.name + suffix,
          aliases,
          shape: 'alu',
          fields: F('reg', 'reg', 'zero', 'zero'),
          discriminator,
          operator: d.operator,
          width,
          usesSrcReg: true,
          version,
          meaning: `${d.meaning} (${width}-bit)`,
        }),
      );
    }
    rows.push(
      row({
        opcode: cls | Src.K | AluOp.NEG,
        mnemonic: 'neg' + suffix,
        aliases: width === 64 ? ['neg64'] : [],
        shape: 'neg',
        fields: F('reg', 'zero', 'zero', 'zero'),
        width,
        version: baseVersion,
        meaning: `dst = -dst (${width}-bit)`,
      }),
    );
    // Sign-extending moves: the offset names the source width in bits.
    const movsxWidths = width === 64 ? [8, 16, 32] : [8, 16];
    for (const bits of movsxWidths) {
      rows.push(
        row({
          opcode: cls | Src.X | AluOp.MOV,
          mnemonic: `movsx${bits}${width}`,
          shape: 'movsx',
          fields: F('reg', 'reg', 'zero', 'zero'),
          discriminator: { field: 'off', value: bits },
          width,
          size: (bits / 8) as 1 | 2 | 4,
          usesSrcReg: true,
          version: 4,
          meaning: `dst = (s${bits})src, sign-extended to ${width} bits`,
        }),
      );
    }
  }
  return rows;
}

function endianRows(): InsnSpec[] {
  const rows: InsnSpec[] = [];
  const forms = [
    {
      opcode: Cls.ALU | Src.K | AluOp.END,
      name: 'le',
      aliases: [] as string[],
      version: 1 as IsaVersion,
      what: 'to little-endian',
    },
    {
      opcode: Cls.ALU | Src.X | AluOp.END,
      name: 'be',
      aliases: [] as string[],
      version: 1 as IsaVersion,
      what: 'to big-endian',
    },
    {
      opcode: Cls.ALU64 | Src.K | AluOp.END,
      name: 'bswap',
      aliases: ['swap'],
      version: 4 as IsaVersion,
      what: 'byte swap unconditionally',
    },
  ];
  for (const f of forms) {
    for (const bits of [16, 32, 64]) {
      rows.push(
        row({
          opcode: f.opcode,
          mnemonic: `${f.name}${bits}`,
          aliases: f.aliases.map((a) => `${a}${bits}`),
          shape: 'endian',
          fields: F('reg', 'zero', 'zero', 'any'),
          discriminator: { field: 'imm', value: bits },
          size: (bits / 8) as 2 | 4 | 8,
          version: f.version,
          meaning: `dst = ${f.what} of the low ${bits} bits, zero-extended`,
        }),
      );
    }
  }
  return rows;
}

// --- loads and stores ------------------------------------------------------------

const SIZES = [
  { size: Size.W, bytes: 4, suffix: 'w' },
  { size: Size.H, bytes: 2, suffix: 'h' },
  { size: Size.B, bytes: 1, suffix: 'b' },
  { size: Size.DW, bytes: 8, suffix: 'dw' },
] as const;

function memoryRows(): InsnSpec[] {
  const rows: InsnSpec[] = [];
  for (const s of SIZES) {
    rows.push(
      row({
        opcode: Cls.LDX | Mode.MEM | s.size,
        mnemonic: `ldx${s.suffix}`,
        shape: 'ldx',
        fields: F('reg', 'reg', 'any', 'zero'),
        size: s.bytes,
        usesSrcReg: true,
        meaning: `dst = *(u${s.bytes * 8} *)(src + off), zero-extended`,
      }),
      row({
        opcode: Cls.ST | Mode.MEM | s.size,
        mnemonic: `st${s.suffix}`,
        shape: 'st',
        fields: F('reg', 'zero', 'any', 'any'),
        size: s.bytes,
        meaning: `*(u${s.bytes * 8} *)(dst + off) = imm`,
      }),
      row({
        opcode: Cls.STX | Mode.MEM | s.size,
        mnemonic: `stx${s.suffix}`,
        shape: 'stx',
        fields: F('reg', 'reg', 'any', 'zero'),
        size: s.bytes,
        usesSrcReg: true,
        meaning: `*(u${s.bytes * 8} *)(dst + off) = src`,
      }),
    );
    if (s.size !== Size.DW) {
      rows.push(
        row({
          opcode: Cls.LDX | Mode.MEMSX | s.size,
          mnemonic: `ldxs${s.suffix}`,
          shape: 'ldx',
          fields: F('reg', 'reg', 'any', 'zero'),
          size: s.bytes,
          usesSrcReg: true,
          version: 4,
          meaning: `dst = *(s${s.bytes * 8} *)(src + off), sign-extended to 64 bits`,
        }),
      );
    }
    if (s.size !== Size.DW) {
      // Legacy packet loads (socket filters): r0 = packet[imm] / packet[src + imm], big-endian.
      rows.push(
        row({
          opcode: Cls.LD | Mode.ABS | s.size,
          mnemonic: `ldabs${s.suffix}`,
          shape: 'ld-abs',
          fields: F('zero', 'zero', 'zero', 'any'),
          size: s.bytes,
          meaning: `r0 = ntoh(*(u${s.bytes * 8} *)(skb->data + imm)); legacy, clobbers r1-r5`,
        }),
        row({
          opcode: Cls.LD | Mode.IND | s.size,
          mnemonic: `ldind${s.suffix}`,
          shape: 'ld-ind',
          fields: F('zero', 'reg', 'zero', 'any'),
          size: s.bytes,
          usesSrcReg: true,
          meaning: `r0 = ntoh(*(u${s.bytes * 8} *)(skb->data + src + imm)); legacy, clobbers r1-r5`,
        }),
      );
    }
  }
  return rows;
}

function atomicRows(): InsnSpec[] {
  const ops = [
    { imm: Atomic.ADD, name: 'add', operator: '+=' },
    { imm: Atomic.OR, name: 'or', operator: '|=' },
    { imm: Atomic.AND, name: 'and', operator: '&=' },
    { imm: Atomic.XOR, name: 'xor', operator: '^=' },
  ];
  const rows: InsnSpec[] = [];
  for (const width of [64, 32] as const) {
    const opcode = Cls.STX | Mode.ATOMIC | (width === 64 ? Size.DW : Size.W);
    const suffix = width === 64 ? '' : '32';
    const size = width === 64 ? 8 : 4;
    // 64-bit atomic add (the old XADD) is v1; everything else came with v3.
    for (const op of ops) {
      rows.push(
        row({
          opcode,
          mnemonic: `lock ${op.name}${suffix}`,
          shape: 'atomic',
          fields: F('reg', 'reg', 'any', 'any'),
          discriminator: { field: 'imm', value: op.imm },
          operator: op.operator,
          width,
          size,
          usesSrcReg: true,
          version: op.imm === Atomic.ADD ? 1 : 3,
          meaning: `atomically *(u${width} *)(dst + off) ${op.operator} src`,
        }),
        row({
          opcode,
          mnemonic: `lock fetch ${op.name}${suffix}`,
          shape: 'atomic',
          fields: F('reg', 'reg', 'any', 'any'),
          discriminator: { field: 'imm', value: op.imm | Atomic.FETCH },
          operator: op.operator,
          width,
          size,
          usesSrcReg: true,
          version: 3,
          meaning: `atomically src = old *(u${width} *)(dst + off), then memory ${op.operator} src`,
        }),
      );
    }
    rows.push(
      row({
        opcode,
        mnemonic: `lock xchg${suffix}`,
        shape: 'atomic',
        fields: F('reg', 'reg', 'any', 'any'),
        discriminator: { field: 'imm', value: Atomic.XCHG },
        width,
        size,
        usesSrcReg: true,
        version: 3,
        meaning: `atomically swap src with *(u${width} *)(dst + off)`,
      }),
      row({
        opcode,
        mnemonic: `lock cmpxchg${suffix}`,
        shape: 'atomic',
        fields: F('reg', 'reg', 'any', 'any'),
        discriminator: { field: 'imm', value: Atomic.CMPXCHG },
        width,
        size,
        usesSrcReg: true,
        version: 3,
        meaning: `atomically: r0 = old *(u${width} *)(dst + off); if it equalled r0, store src`,
      }),
    );
  }
  return rows;
}

// --- jumps, calls, exit ----------------------------------------------------------

const JUMP_DEFS = [
  { op: JmpOp.JEQ, name: 'jeq', operator: '==', version: 1, meaning: 'equal' },
  { op: JmpOp.JGT, name: 'jgt', operator: '>', version: 1, meaning: 'greater than, unsigned' },
  { op: JmpOp.JGE, name: 'jge', operator: '>=', version: 1, meaning: 'greater or equal, unsigned' },
  { op: JmpOp.JSET, name: 'jset', operator: '&', version: 1, meaning: 'any bit in common (dst & src)' },
  { op: JmpOp.JNE, name: 'jne', operator: '!=', version: 1, meaning: 'not equal' },
  { op: JmpOp.JSGT, name: 'jsgt', operator: 's>', version: 1, meaning: 'greater than, signed' },
  { op: JmpOp.JSGE, name: 'jsge', operator: 's>=', version: 1, meaning: 'greater or equal, signed' },
  { op: JmpOp.JLT, name: 'jlt', operator: '<', version: 2, meaning: 'less than, unsigned' },
  { op: JmpOp.JLE, name: 'jle', operator: '<=', version: 2, meaning: 'less or equal, unsigned' },
  { op: JmpOp.JSLT, name: 'jslt', operator: 's<', version: 2, meaning: 'less than, signed' },
  { op: JmpOp.JSLE, name: 'jsle', operator: 's<=', version: 2, meaning: 'less or equal, signed' },
] as const;

function jumpRows(): InsnSpec[] {
  const rows: InsnSpec[] = [];
  for (const width of [64, 32] as const) {
    const cls = width === 64 ? Cls.JMP : Cls.JMP32;
    const suffix = width === 64 ? '' : '32';
    for (const j of JUMP_DEFS) {
      const version: IsaVersion = width === 32 ? 3 : j.version;
      const what = `jump by off if dst ${j.operator} `;
      rows.push(
        row({
          opcode: cls | Src.K | j.op,
          mnemonic: j.name + suffix,
          shape: 'jump',
          fields: F('reg', 'zero', 'any', 'any'),
          operator: j.operator,
          width,
          version,
          meaning: `${what}imm: ${j.meaning} (${width}-bit compare)`,
        }),
        row({
          opcode: cls | Src.X | j.op,
          mnemonic: j.name + suffix,
          shape: 'jump',
          fields: F('reg', 'reg', 'any', 'zero'),
          operator: j.operator,
          width,
          usesSrcReg: true,
          version,
          meaning: `${what}src: ${j.meaning} (${width}-bit compare)`,
        }),
      );
    }
  }
  rows.push(
    row({
      opcode: Cls.JMP | JmpOp.JA,
      mnemonic: 'ja',
      shape: 'ja',
      fields: F('zero', 'zero', 'any', 'zero'),
      meaning: 'jump by off unconditionally',
    }),
    row({
      opcode: Cls.JMP32 | JmpOp.JA,
      mnemonic: 'ja32',
      aliases: ['gotol'],
      shape: 'gotol',
      fields: F('zero', 'zero', 'zero', 'any'),
      version: 4,
      meaning: 'jump by imm unconditionally (32-bit range)',
    }),
    row({
      opcode: Cls.JMP | JmpOp.CALL,
      mnemonic: 'call',
      aliases: ['call helper'], // bpf_conformance spells the call mode out
      shape: 'call',
      fields: F('zero', 'zero', 'zero', 'any'),
      discriminator: { field: 'src', value: CallSrc.HELPER },
      meaning: 'call the helper function whose id is imm',
    }),
    row({
      opcode: Cls.JMP | JmpOp.CALL,
      mnemonic: 'call local',
      shape: 'call-local',
      fields: F('zero', 'any', 'zero', 'any'),
      discriminator: { field: 'src', value: CallSrc.LOCAL },
      meaning: 'call the subprogram at pc + imm + 1 (bpf-to-bpf call)',
    }),
    row({
      opcode: Cls.JMP | JmpOp.CALL,
      mnemonic: 'call kfunc',
      aliases: ['call runtime'], // bpf_conformance's name for src=2 calls
      shape: 'call-kfunc',
      fields: F('zero', 'any', 'any', 'any'),
      discriminator: { field: 'src', value: CallSrc.KFUNC },
      meaning: 'call the kernel function whose BTF id is imm',
    }),
    row({
      opcode: Cls.JMP | Src.X | JmpOp.CALL,
      mnemonic: 'callx',
      shape: 'callx',
      fields: F('reg', 'zero', 'zero', 'zero'),
      meaning: 'call the helper whose id is in dst',
    }),
    row({
      opcode: Cls.JMP | JmpOp.EXIT,
      mnemonic: 'exit',
      shape: 'exit',
      fields: F('zero', 'zero', 'zero', 'zero'),
      meaning: 'return r0 to the caller (or end the program)',
    }),
    row({
      opcode: Cls.LD | Mode.IMM | Size.DW,
      mnemonic: 'lddw',
      shape: 'lddw',
      // src selects what imm means: 0 plain value, 1 map fd, 2 map value, 3 BTF id, 4 func, 5/6 map index.
      fields: F('reg', 'any', 'zero', 'any'),
      meaning: 'dst = 64-bit immediate spread over two slots (or a map/BTF/function reference)',
    }),
  );
  return rows;
}

export const INSTRUCTION_TABLE: readonly InsnSpec[] = Object.freeze([
  ...aluRows(),
  ...endianRows(),
  ...memoryRows(),
  ...atomicRows(),
  ...jumpRows(),
]);
