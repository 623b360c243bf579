/**
 * The XDP redirect targets bpf_redirect_map reads: devmap and devmap_hash (a net device per slot:
 * an ifindex, and with 8-byte values a program id), cpumap (a CPU's queue size, and a program id)
 * and xskmap (AF_XDP sockets). Programs only read them; user space fills them. Rules measured on
 * Linux 6.18 (tests/maps/redirect-maps.test.ts keeps them in step with the kernel):
 * - devmap: ifindex 0 empties the slot; NOEXIST is -EEXIST (array slots always exist), a key past
 *   max_entries -E2BIG; devmap_hash refuses ifindex 0 with -EINVAL and a new key when full (-E2BIG). The simulator has no device list, so every other
 *   ifindex counts as an existing device (the kernel says -EINVAL for a missing one).
 * - cpumap: queue size 0 empties the slot, above 16384 is -EOVERFLOW, a key past the possible
 *   CPUs -ENODEV.
 * - xskmap: user-space lookups are -EOPNOTSUPP, and it holds only AF_XDP socket fds, which the
 *   simulator does not have: every update fails as with a closed fd (-EBADF), so redirects to it
 *   fall back to the action in the flags.
 * A program attached to a devmap/cpumap entry (the second word) is not simulated: -EINVAL.
 * Display order: devmap, cpumap and xskmap by index; devmap_hash by key (the kernel: hash order).
 * Creation rules are in checkRedirectMapSpec.
 */
import { BaseMap } from './base-map';
import { readU32, u32le } from './bytes';
import { E2BIG, EEXIST, EINVAL, ENOENT, EOPNOTSUPP } from './errno';
import type { MapEntry, MapSpec } from './map';
import { BPF_EXIST, BPF_F_NUMA_NODE, BPF_F_RDONLY, BPF_F_WRONLY, BPF_MAP_TYPE as T } from './map-types';

const ENODEV = 19;
const EOVERFLOW = 75;
const EBADF = 9;
const MAX_CPUMAP_QSIZE = 16384;
/** CONFIG_NR_CPUS of the reference kernel: a cpumap may have at most this many entries. */
const NR_CPUS = 256;

/** BPF_MAP_CREATE's checks for these types (sizes and flags measured on Linux 6.18). */
export function checkRedirectMapSpec(spec: MapSpec, fail: (errno: number, rule: string) => never): void {
  const cpumap = spec.type === T.CPUMAP;
  const xsk = spec.type === T.XSKMAP;
  const flags = cpumap ? BPF_F_NUMA_NODE : BPF_F_NUMA_NODE | BPF_F_RDONLY | BPF_F_WRONLY;
  if ((spec.flags & ~flags) !== 0) fail(EINVAL, `map_flags 0x${(spec.flags & ~flags).toString(16)} not supported`);
  if (spec.keySize !== 4) fail(EINVAL, `key_size must be 4 (got ${spec.keySize})`);
  const sizes = xsk ? [4] : [4, 8];
  if (!sizes.includes(spec.valueSize)) fail(EINVAL, `value_size must be ${sizes.join(' or ')} (got ${spec.valueSize})`);
  if (spec.maxEntries === 0) fail(EINVAL, 'max_entries must be > 0');
  if (cpumap && spec.maxEntries > NR_CPUS) fail(E2BIG, `a cpumap has at most NR_CPUS (${NR_CPUS}) entries`);
}

export class RedirectMap extends BaseMap {
  override readonly values: Uint8Array;
  /** Key -> slot in `values`; for array-like types the slot is the key. */
  private readonly slots = new Map<number, number>();
  private readonly view: DataView;

  constructor(spec: MapSpec, cpus: number) {
    super(spec, cpus);
    this.values = new Uint8Array(spec.maxEntries * this.stride);
    this.view = new DataView(this.values.buffer);
  }

  private get hashed(): boolean {
    return this.spec.type === T.DEVMAP_HASH;
  }

  override lookup(key: Uint8Array): number | null {
    const slot = this.slots.get(readU32(key));
    return slot === undefined ? null : slot * this.stride;
  }

  override userLookup(key: Uint8Array): Uint8Array | number {
    if (this.spec.type === T.XSKMAP) return -EOPNOTSUPP;
    const at = this.lookup(key);
    return at === null ? -ENOENT : this.values.slice(at, at + this.spec.valueSize);
  }

  /** Programs cannot update these maps (the verifier refuses); the kernel answers -EINVAL. */
  override update(): number {
    return -EINVAL;
  }

  override userUpdate(key: Uint8Array, value: Uint8Array, flags: bigint): number {
    if (flags > BPF_EXIST) return -EINVAL;
    const index = readU32(key);
    if (!this.hashed && index >= this.spec.maxEntries) return -E2BIG;
    const present = this.slots.has(index);
    // NOEXIST: array slots always exist. EXIST is not enforced, not even by devmap_hash.
    if (flags === 1n && (present || !this.hashed)) return -EEXIST;
    const target = readU32(value);
    const program = value.length >= 8 ? readU32(value.subarray(4)) : 0;
    switch (this.spec.type) {
      case T.XSKMAP:
        return -EBADF;
      case T.CPUMAP:
        if (target > MAX_CPUMAP_QSIZE) return -EOVERFLOW;
        if (index >= this.cpus) return -ENODEV;
        break;
      case T.DEVMAP_HASH:
        if (target === 0) return -EINVAL;
    }
    if (program !== 0) return -EINVAL;
    if (target === 0) {
      this.slots.delete(index);
      return 0;
    }
    const slot = this.slots.get(index) ?? (this.hashed ? this.freeSlot() : index);
    if (slot < 0) return -E2BIG;
    this.values.fill(0, slot * this.stride, (slot + 1) * this.stride);
    this.view.setUint32(slot * this.stride, target, true);
    this.slots.set(index, slot);
    return 0;
  }

  private freeSlot(): number {
    const used = new Set(this.slots.values());
    for (let s = 0; s < this.spec.maxEntries; s++) if (!used.has(s)) return s;
    return -1;
  }

  /** Array types: any slot in range (empty or not) is 0, past the end -EINVAL; devmap_hash: -ENOENT if absent. */
  override delete(key: Uint8Array): number {
    const index = readU32(key);
    if (!this.hashed && index >= this.spec.maxEntries) return -EINVAL;
    return this.slots.delete(index) || !this.hashed ? 0 : -ENOENT;
  }

  override getNextKey(key: Uint8Array | null): Uint8Array | number {
    if (this.hashed) {
      const keys = [...this.slots.keys()].sort((a, b) => a - b);
      const next = key === null ? keys[0] : keys.find((k) => k > readU32(key));
      return next === undefined ? -ENOENT : u32le(next);
    }
    const index = key === null ? -1 : readU32(key);
    return index + 1 >= this.spec.maxEntries ? -ENOENT : u32le(index + 1);
  }

  override entries(): MapEntry[] {
    if (this.spec.type === T.XSKMAP) return [];
    return [...this.slots.keys()]
      .sort((a, b) => a - b)
      .map((k) => ({ key: u32le(k), value: this.userLookup(u32le(k)) as Uint8Array }));
  }
}
