/**
 * Resolving the loader's lddw references against the session's maps, as the kernel does when
 * libbpf hands it map fds: src=5 (map index) becomes the map pointer, src=6 (map index + value
 * offset) a pointer into the map's first value (global data lives at key 0 of a one-entry array).
 */
import { type DecodedInsn, LddwSrc } from '../isa';
import { u32le } from '../maps';
import { funcAddress, VmFault } from '../vm';

export interface ResolvedMap {
  /** The map pointer a program holds. */
  readonly address: bigint;
  /** Guest address of the value at key 0, or null for maps without direct value access. */
  readonly valueOf0: bigint | null;
}

export function lddwResolver(bound: readonly ResolvedMap[]): (insn: DecodedInsn) => bigint {
  return (insn: DecodedInsn): bigint => {
    if (insn.src === LddwSrc.FUNC) return funcAddress(insn.pc + insn.imm + 1);
    const map = bound[insn.imm];
    if (map === undefined)
      throw new VmFault(`insn ${insn.pc}: lddw refers to map #${insn.imm}, which the object lacks`);
    if (insn.src === LddwSrc.MAP_IDX) return map.address;
    if (insn.src === LddwSrc.MAP_IDX_VALUE) {
      if (map.valueOf0 === null) throw new VmFault(`insn ${insn.pc}: map #${insn.imm} has no direct value access`);
      return map.valueOf0 + BigInt(insn.immHi >>> 0);
    }
    throw new VmFault(`insn ${insn.pc}: lddw src=${insn.src} is not supported in programs loaded from objects`);
  };
}

/** Guest address of the value at key 0 (where BPF_PSEUDO_MAP_VALUE offsets count from), if any. */
export function firstValueAddress(valueBase: bigint | null, lookup0: number | null): bigint | null {
  return valueBase === null || lookup0 === null ? null : valueBase + BigInt(lookup0);
}

export const KEY0 = u32le(0);
