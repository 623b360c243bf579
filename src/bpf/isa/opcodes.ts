/**
 * Opcode bit fields of the eBPF instruction set (RFC 9669, section 3).
 *
 * An opcode byte is composed from these fields; the instruction table (table.ts)
 * is written in terms of them so each entry can be checked against the RFC by eye.
 */

/** Instruction class: the low three bits of every opcode. */
export const Cls = {
  LD: 0x00, // non-standard loads: lddw and the legacy packet loads
  LDX: 0x01, // load into register from memory
  ST: 0x02, // store immediate to memory
  STX: 0x03, // store register to memory (and atomics)
  ALU: 0x04, // 32-bit arithmetic
  JMP: 0x05, // 64-bit jumps, call, exit
  JMP32: 0x06, // 32-bit jumps
  ALU64: 0x07, // 64-bit arithmetic
} as const;
export type InsnClass = (typeof Cls)[keyof typeof Cls];

/** Source bit for ALU and jump classes: operate on imm (K) or on the src register (X). */
export const Src = { K: 0x00, X: 0x08 } as const;

/** ALU operation: the high four bits of an ALU/ALU64 opcode. */
export const AluOp = {
  ADD: 0x00,
  SUB: 0x10,
  MUL: 0x20,
  DIV: 0x30, // off=1 makes it signed (sdiv)
  OR: 0x40,
  AND: 0x50,
  LSH: 0x60,
  RSH: 0x70,
  NEG: 0x80,
  MOD: 0x90, // off=1 makes it signed (smod)
  XOR: 0xa0,
  MOV: 0xb0, // off=8/16/32 makes it a sign-extending move (movsx)
  ARSH: 0xc0,
  END: 0xd0, // byte swap; in ALU the source bit picks le (K) or be (X), in ALU64 it is bswap
} as const;

/** Jump operation: the high four bits of a JMP/JMP32 opcode. */
export const JmpOp = {
  JA: 0x00,
  JEQ: 0x10,
  JGT: 0x20,
  JGE: 0x30,
  JSET: 0x40,
  JNE: 0x50,
  JSGT: 0x60,
  JSGE: 0x70,
  CALL: 0x80,
  EXIT: 0x90,
  JLT: 0xa0,
  JLE: 0xb0,
  JSLT: 0xc0,
  JSLE: 0xd0,
} as const;

/** Access size for load/store classes (bits 3-4). */
export const Size = { W: 0x00, H: 0x08, B: 0x10, DW: 0x18 } as const;
export const SIZE_BYTES: Readonly<Record<number, 1 | 2 | 4 | 8>> = { 0x00: 4, 0x08: 2, 0x10: 1, 0x18: 8 };

/** Addressing mode for load/store classes (bits 5-7). */
export const Mode = {
  IMM: 0x00, // lddw
  ABS: 0x20, // legacy packet load, absolute offset
  IND: 0x40, // legacy packet load, register + offset
  MEM: 0x60, // regular load/store
  MEMSX: 0x80, // sign-extending load
  ATOMIC: 0xc0, // atomic read-modify-write (STX only)
} as const;

/** Atomic operations, carried in imm of STX|ATOMIC instructions. */
export const Atomic = {
  ADD: 0x00,
  OR: 0x40,
  AND: 0x50,
  XOR: 0xa0,
  FETCH: 0x01, // flag: the old value is written back to src
  XCHG: 0xe0 | 0x01,
  CMPXCHG: 0xf0 | 0x01,
} as const;

/** src field values of lddw (RFC 9669 section 5.4 and the kernel's pseudo sources). */
export const LddwSrc = {
  IMM64: 0,
  MAP_FD: 1,
  MAP_VALUE: 2,
  BTF_ID: 3,
  FUNC: 4,
  MAP_IDX: 5,
  MAP_IDX_VALUE: 6,
} as const;

/** src field values of call. */
export const CallSrc = { HELPER: 0, LOCAL: 1, KFUNC: 2 } as const;

export const classOf = (opcode: number): InsnClass => (opcode & 0x07) as InsnClass;
export const isWide = (opcode: number): boolean => opcode === (Cls.LD | Mode.IMM | Size.DW);

/** Bytes in one instruction slot; lddw takes two slots. */
export const SLOT_BYTES = 8;
/** Registers r0..r10; r10 is the read-only frame pointer. */
export const REG_COUNT = 11;
export const FRAME_POINTER = 10;
