/**
 * The guest address space as seen by helpers, maps and program runners.
 *
 * The interpreter keeps its own fast representation internally; everything outside
 * the hot loop talks to memory through this interface with 64-bit addresses as
 * unsigned bigints. Every access is bounds- and permission-checked against exactly
 * one region; a bad access throws VmFault (never a plain JS exception).
 */

export type RegionKind =
  | 'ctx' // program context (xdp_md, __sk_buff, pt_regs, ...)
  | 'packet' // packet data (data .. data_end, plus headroom for adjust_head/meta)
  | 'stack' // one 512-byte frame per call depth
  | 'map_value' // storage of one map's values
  | 'map' // the map object itself (what lddw map-fd yields); not dereferenceable by programs
  | 'rodata' // read-only global data, string literals
  | 'mem' // helper-provided memory (ringbuf records, conformance memory, ...)
  | 'kernel' // simulated kernel objects (probe_read_kernel only)
  | 'user'; // simulated user memory (probe_read_user only)

export interface RegionInfo {
  readonly kind: RegionKind;
  /** Human name for errors and the UI: "stack[frame 0]", "map 'counts' values", "packet". */
  readonly name: string;
  readonly base: bigint;
  readonly size: number;
  readonly writable: boolean;
}

export class VmFault extends Error {
  constructor(
    message: string,
    /** Instruction index the fault happened at, when known (filled in by the interpreter). */
    public pc: number | null = null,
  ) {
    super(message);
    this.name = 'VmFault';
  }
}

export interface GuestMemory {
  /** Makes `bytes` addressable (no copy: later writes by the program land in `bytes`). Returns its base. */
  map(kind: RegionKind, name: string, bytes: Uint8Array, writable: boolean): bigint;
  /** Replaces the backing bytes of a region, keeping data's address semantics (adjust_head/tail). */
  remap(base: bigint, bytes: Uint8Array): void;
  unmap(base: bigint): void;
  /** Region containing addr, or null. */
  regionAt(addr: bigint): RegionInfo | null;
  /** Live view of [addr, addr+len) in one region; throws VmFault when out of bounds or not writable. */
  view(addr: bigint, len: number, write: boolean): Uint8Array;
}
