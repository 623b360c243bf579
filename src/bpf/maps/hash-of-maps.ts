/**
 * hash_of_maps: a hash map whose values are inner maps. User space stores an inner map fd and
 * reads back the inner map's id; programs look up a key and get the inner map itself.
 * Display order: insertion order, like the other hash maps.
 */
import { BaseMap } from './base-map';
import { E2BIG, EEXIST, EINVAL, ENOENT } from './errno';
import type { BpfMap, MapEntry, MapSpec } from './map';
import { BPF_EXIST, BPF_NOEXIST } from './map-types';
import { readU32, u32le } from './bytes';
import { SlotTable } from './slot-table';

export class HashOfMaps extends BaseMap {
  private readonly table: SlotTable;
  private readonly inner: (BpfMap | null)[];

  constructor(
    spec: MapSpec,
    cpus: number,
    private readonly resolve: (fd: number) => BpfMap | null,
    private readonly accept: (map: BpfMap) => number,
  ) {
    super(spec, cpus);
    this.table = new SlotTable(spec.maxEntries);
    this.inner = new Array<BpfMap | null>(spec.maxEntries).fill(null);
  }

  /** The inner map stored under `key` (a program's bpf_map_lookup_elem), or null. */
  innerMap(key: Uint8Array): BpfMap | null {
    const slot = this.table.find(key);
    return slot === undefined ? null : (this.inner[slot] ?? null);
  }

  set(key: Uint8Array, map: BpfMap, flags: bigint): number {
    if (flags > BPF_EXIST) return -EINVAL;
    const accepted = this.accept(map);
    if (accepted !== 0) return accepted;
    let slot = this.table.find(key);
    if (slot !== undefined && flags === BPF_NOEXIST) return -EEXIST;
    if (slot === undefined && flags === BPF_EXIST) return -ENOENT;
    slot ??= this.table.insert(key);
    if (slot === undefined) return -E2BIG;
    this.inner[slot] = map;
    return 0;
  }

  override userUpdate(key: Uint8Array, value: Uint8Array, flags: bigint): number {
    const map = this.resolve(readU32(value));
    return map === null ? -EINVAL : this.set(key, map, flags);
  }

  override update(_key: Uint8Array, _value: Uint8Array, _flags: bigint, _cpu: number): number {
    return -EINVAL;
  }

  override delete(key: Uint8Array, _cpu: number): number {
    const slot = this.table.remove(key);
    if (slot === undefined) return -ENOENT;
    this.inner[slot] = null;
    return 0;
  }

  override userLookup(key: Uint8Array): Uint8Array | number {
    const map = this.innerMap(key);
    return map === null ? -ENOENT : u32le(map.id);
  }

  override getNextKey(key: Uint8Array | null): Uint8Array | number {
    return this.table.nextKey(key) ?? -ENOENT;
  }

  override entries(): MapEntry[] {
    return [...this.table.all()].map(({ key, slot }) => ({
      key: key.slice(),
      value: u32le(this.inner[slot]?.id ?? 0),
    }));
  }
}
