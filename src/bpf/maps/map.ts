/**
 * The one interface every simulated map type implements.
 *
 * Two audiences use a map:
 * - BPF programs, through helpers. They get pointers into `values` (the map's preallocated value
 *   storage, registered as one 'map_value' guest region), so stores through a looked-up pointer
 *   change the map exactly as in the kernel. Program-side calls take the simulated CPU.
 * - User space (CLI, UI, tests), through the user* methods and getNextKey/entries, with the
 *   kernel's syscall conventions: per-CPU values are round_up(value_size, 8) bytes per CPU, back to back.
 *
 * Every mutating operation returns 0 or a negative errno, the same code the kernel returns.
 */
export interface MapSpec {
  /** BPF_MAP_TYPE_* id. */
  readonly type: number;
  /** Name as in the source (or ".bss"/".data"/".rodata" for global data). */
  readonly name: string;
  readonly keySize: number;
  readonly valueSize: number;
  readonly maxEntries: number;
  /** map_flags (BPF_F_NO_PREALLOC, BPF_F_NO_COMMON_LRU, BPF_F_ZERO_SEED, ...). */
  readonly flags: number;
  /** map_extra: the bloom filter's number of hash functions in its low 4 bits (0 = default 5). */
  readonly mapExtra?: bigint;
  /** Offset of a struct bpf_spin_lock inside the value (known from BTF), enabling BPF_F_LOCK. */
  readonly spinLockOffset?: number;
  /** Template for the inner maps of array_of_maps / hash_of_maps. */
  readonly innerMap?: MapSpec;
}

export interface MapEntry {
  readonly key: Uint8Array;
  /** In user-space layout (per-CPU maps: every CPU's copy). */
  readonly value: Uint8Array;
}

export interface BpfMap {
  readonly spec: MapSpec;
  /** Type name as bpftool prints it ("hash", "lru_percpu_hash", ...). */
  readonly typeName: string;
  /** Like the kernel's map id: unique per creation, shown for inner maps in dumps. */
  readonly id: number;
  /** Number of simulated CPUs (per-CPU maps keep one value copy per CPU). */
  readonly cpus: number;
  /** Value storage programs point into; empty for maps whose values programs never address. */
  readonly values: Uint8Array;
  /** Bytes of one value on the syscall side. */
  readonly userValueSize: number;

  /** Program lookup: byte offset of the entry's value (this CPU's copy) inside `values`, or null. */
  lookup(key: Uint8Array, cpu: number): number | null;
  update(key: Uint8Array, value: Uint8Array, flags: bigint, cpu: number): number;
  delete(key: Uint8Array, cpu: number): number;
  /** Queue/stack/bloom filter (bpf_map_push_elem). */
  push(value: Uint8Array, flags: bigint): number;
  /** Queue/stack: copies the element into `out` and removes it. */
  pop(out: Uint8Array): number;
  /** Queue/stack: copies without removing. Bloom filter: 0 if maybe present, -ENOENT if not. */
  peek(out: Uint8Array): number;

  /** User-space lookup: a copy of the value, or a negative errno. */
  userLookup(key: Uint8Array): Uint8Array | number;
  userUpdate(key: Uint8Array, value: Uint8Array, flags: bigint): number;
  userDelete(key: Uint8Array): number;
  /** BPF_MAP_GET_NEXT_KEY: null key = first key; -ENOENT after the last. */
  getNextKey(key: Uint8Array | null): Uint8Array | number;
  /** All entries in the map's documented display order (see each implementation). */
  entries(): MapEntry[];
  /**
   * Optional: moves `values` into `target` (same length; contents copied) so a runner can keep them
   * in its own memory (the JIT's linear memory). Returns false when this map cannot move them.
   */
  relocateValues?(target: Uint8Array): boolean;
}

/** Thrown by createMap when the kernel would refuse BPF_MAP_CREATE. */
export class MapCreateError extends Error {
  constructor(
    message: string,
    /** Negative errno BPF_MAP_CREATE would return. */
    public readonly errno: number,
  ) {
    super(message);
    this.name = 'MapCreateError';
  }
}
