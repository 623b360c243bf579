/**
 * Pre-decoding: a decoded program becomes parallel typed arrays indexed by slot (the kernel's
 * instruction index), so the hot loop reads small integers instead of objects.
 *
 * lddw constants are resolved here, once: plain values directly, references (map fd, map value,
 * BTF id, function) through a hook the loader or runner supplies.
 */
import { type DecodedInsn, decodeProgram, LddwSrc, isWide } from '../isa';
import { HI_BASE } from './address-space';
import { VmFault } from './guest-memory';

/** What a lddw with src != 0 stands for; returns the 64-bit value to load (unsigned). */
export type LddwResolver = (insn: DecodedInsn) => bigint;

export interface PreparedProgram {
  /** Slots in the program; op[slots] is a 0 sentinel so running off the end is caught by dispatch. */
  readonly slots: number;
  readonly op: Uint8Array;
  /** Register numbers times two: indexes of the low halves in the register file. */
  readonly dst2: Uint8Array;
  readonly src2: Uint8Array;
  readonly off: Int32Array;
  readonly imm: Int32Array;
  /** High half of a lddw constant (already resolved). */
  readonly immHi: Int32Array;
  /** The decoded instruction starting at each slot (undefined for a lddw's second slot). */
  readonly insns: readonly (DecodedInsn | undefined)[];
}

/**
 * Code addresses for lddw src=4 (BPF_PSEUDO_FUNC) when no resolver overrides it: the slot index in
 * the low word under a high word no region uses, so dereferencing one faults with "no region".
 */
export const CODE_HI = (HI_BASE - 1) | 0;
export const funcAddress = (pc: number): bigint => BigInt.asUintN(64, (BigInt(CODE_HI) << 32n) | BigInt(pc >>> 0));
export const pcOfFuncAddress = (addr: bigint): number | null =>
  Number(BigInt.asIntN(32, addr >> 32n)) === CODE_HI ? Number(BigInt.asUintN(32, addr)) : null;

const LDDW_NAMES: Record<number, string> = {
  [LddwSrc.MAP_FD]: 'map fd',
  [LddwSrc.MAP_VALUE]: 'map value',
  [LddwSrc.BTF_ID]: 'BTF id',
  [LddwSrc.FUNC]: 'function',
  [LddwSrc.MAP_IDX]: 'map index',
  [LddwSrc.MAP_IDX_VALUE]: 'map index value',
};

function lddwValue(i: DecodedInsn, resolve: LddwResolver | undefined): bigint {
  if (i.src === LddwSrc.IMM64) return (BigInt(i.immHi >>> 0) << 32n) | BigInt(i.imm >>> 0);
  if (resolve) return BigInt.asUintN(64, resolve(i));
  if (i.src === LddwSrc.FUNC) return funcAddress(i.pc + i.imm + 1);
  throw new VmFault(
    `insn ${i.pc}: lddw of a ${LDDW_NAMES[i.src] ?? `src=${i.src}`} needs a loader to resolve it`,
    i.pc,
  );
}

export function prepareInsns(insns: readonly DecodedInsn[], resolve?: LddwResolver): PreparedProgram {
  const last = insns[insns.length - 1];
  const slots = last === undefined ? 0 : last.pc + (isWide(last.opcode) ? 2 : 1);
  const p = {
    slots,
    op: new Uint8Array(slots + 1),
    dst2: new Uint8Array(slots + 1),
    src2: new Uint8Array(slots + 1),
    off: new Int32Array(slots + 1),
    imm: new Int32Array(slots + 1),
    immHi: new Int32Array(slots + 1),
    insns: new Array<DecodedInsn | undefined>(slots).fill(undefined),
  };
  for (const i of insns) {
    p.op[i.pc] = i.opcode;
    p.dst2[i.pc] = i.dst * 2;
    p.src2[i.pc] = i.src * 2;
    p.off[i.pc] = i.off;
    p.imm[i.pc] = i.imm;
    p.insns[i.pc] = i;
    if (isWide(i.opcode)) {
      const value = lddwValue(i, resolve);
      p.imm[i.pc] = Number(BigInt.asIntN(32, value));
      p.immHi[i.pc] = Number(BigInt.asIntN(32, value >> 32n));
    }
  }
  return p;
}

/** Decodes and validates bytes (IsaError on bad encodings), then pre-decodes them. */
export const prepareProgram = (bytes: Uint8Array, resolve?: LddwResolver): PreparedProgram =>
  prepareInsns(decodeProgram(bytes), resolve);
