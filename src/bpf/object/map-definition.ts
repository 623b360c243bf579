/** The loader's description of one map: everything needed to create it, as libbpf would. */

export type MapOrigin = 'btf' | 'legacy' | 'global-data';

/** LIBBPF_PIN_NONE / LIBBPF_PIN_BY_NAME. */
export const Pinning = { NONE: 0, BY_NAME: 1 } as const;

/** An initial element of a map-in-map (`.values = { [2] = &inner_b }`). */
export interface InitialInnerMap {
  readonly slot: number;
  /** Index in BpfObject.maps of the map stored in that slot. */
  readonly mapIndex: number;
}

/** Map attributes as BTF or `struct bpf_map_def` describe them (also used for inner-map templates). */
export interface MapAttributes {
  /** BPF_MAP_TYPE_* (kernel enum value). */
  readonly type: number;
  /** bpftool's name for `type` ("hash", "lpm_trie", ...). */
  readonly typeName: string;
  readonly keySize: number;
  readonly valueSize: number;
  /**
   * As declared. libbpf adjusts two cases at create time that a runtime must mirror: perf_event_array
   * with 0 becomes the number of CPUs, and ringbuf sizes are rounded up to the page size.
   */
  readonly maxEntries: number;
  readonly flags: number;
  readonly numaNode: number;
  /** map_extra (bloom filter hash count, arena address); 0n when absent. */
  readonly mapExtra: bigint;
  readonly pinning: number;
  /** BTF ids of the key/value types (0 when declared by size only); look them up in BpfObject.btf. */
  readonly keyTypeId: number;
  readonly valueTypeId: number;
}

export interface MapDefinition extends MapAttributes {
  /** Position in BpfObject.maps; relocated lddw instructions refer to maps by this index. */
  readonly index: number;
  /** The user-facing name: the C variable, or the section (".bss", ".rodata.str1.1") for global data. */
  readonly name: string;
  /**
   * The name libbpf gives the kernel (at most 15 characters): for global data the object name prefix
   * plus the section (e.g. "xdp_coun.bss"), or the section alone for ".rodata.str1.1"-style names.
   */
  readonly kernelName: string;
  readonly origin: MapOrigin;
  /** ELF section the definition (or the global data) lives in. */
  readonly sectionIndex: number;
  readonly sectionName: string;
  /** Global data only: initial value bytes (length valueSize; zeros for .bss). Null for other maps. */
  readonly initialValue: Uint8Array | null;
  /** True for .rodata* maps: the program may not write them (BPF_F_RDONLY_PROG) and libbpf freezes them. */
  readonly frozen: boolean;
  /** For array_of_maps / hash_of_maps: the inner map template from `__array(values, ...)`. */
  readonly inner: MapAttributes | null;
  /** Maps placed into an outer map at load time by `.values = { ... }` initialisers. */
  readonly initialInnerMaps: readonly InitialInnerMap[];
  /** prog_array only: programs (by function name) placed into slots by `.values = { &prog, ... }`. */
  readonly initialPrograms: readonly InitialProgram[];
}

/** One `.values` slot of a prog_array, as libbpf fills it after loading the programs. */
export interface InitialProgram {
  readonly slot: number;
  /** The entry function's symbol name. */
  readonly program: string;
}
