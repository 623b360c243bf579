/**
 * hash and percpu_hash (and the base of the LRU variants): preallocated elements, like the
 * kernel's default (prealloc) hash table. Display/iteration order: insertion order (SlotTable).
 */
import { BaseMap } from './base-map';
import { E2BIG, EEXIST, ENOENT } from './errno';
import type { MapEntry, MapSpec } from './map';
import { BPF_EXIST, BPF_NOEXIST } from './map-types';
import { SlotTable } from './slot-table';

export class HashMap extends BaseMap {
  /** Replaced only by relocateValues (same length and contents). */
  override values: Uint8Array;
  protected readonly table: SlotTable;
  /** Value copies per element: one per CPU for per-CPU maps. */
  protected readonly copies: number;

  constructor(spec: MapSpec, cpus: number, percpu: boolean) {
    super(spec, cpus);
    this.copies = percpu ? cpus : 1;
    this.table = new SlotTable(spec.maxEntries);
    this.values = new Uint8Array(spec.maxEntries * this.stride * this.copies);
  }

  relocateValues(target: Uint8Array): boolean {
    if (target.length !== this.values.length) return false;
    target.set(this.values);
    this.values = target;
    return true;
  }

  override get userValueSize(): number {
    return this.copies === 1 ? this.spec.valueSize : this.stride * this.copies;
  }

  protected offsetOf(slot: number, cpu: number): number {
    return (slot * this.copies + (this.copies === 1 ? 0 : cpu)) * this.stride;
  }

  override lookup(key: Uint8Array, cpu: number): number | null {
    const slot = this.table.find(key);
    return slot === undefined ? null : this.offsetOf(slot, cpu);
  }

  /** lookup() of the key in the keySize bytes at `at` of `bytes` (compiled lookups read it in place). */
  lookupAt(bytes: Uint8Array, at: number, cpu: number): number | null {
    const slot = this.table.findAt(bytes, at, this.spec.keySize);
    return slot === undefined ? null : this.offsetOf(slot, cpu);
  }

  override update(key: Uint8Array, value: Uint8Array, flags: bigint, cpu: number): number {
    // New elements are zeroed first, so a new per-CPU element holds the value on this CPU only.
    return this.store(key, flags, (slot) => this.copyValueIn(this.values, this.offsetOf(slot, cpu), value));
  }

  override userUpdate(key: Uint8Array, value: Uint8Array, flags: bigint): number {
    if (this.copies === 1) return this.update(key, value, flags, 0);
    return this.store(key, flags, (slot) => {
      for (let c = 0; c < this.copies; c++) {
        this.copyValueIn(this.values, this.offsetOf(slot, c), value.subarray(c * this.stride));
      }
    });
  }

  /** The shared update path: flag checks, allocation (or eviction), then `write`. */
  protected store(key: Uint8Array, flags: bigint, write: (slot: number) => void): number {
    const bad = this.checkUpdateFlags(flags);
    if (bad !== 0) return bad;
    const existing = this.table.find(key);
    if (existing !== undefined) {
      if ((flags & 3n) === BPF_NOEXIST) return -EEXIST;
      write(existing);
      this.touch(existing);
      return 0;
    }
    if ((flags & 3n) === BPF_EXIST) return -ENOENT;
    const slot = this.allocate(key);
    if (slot === undefined) return -E2BIG;
    const start = slot * this.copies * this.stride;
    this.values.fill(0, start, start + this.copies * this.stride);
    write(slot);
    return 0;
  }

  /** A slot for a new key, or undefined when the map is full (LRU maps evict instead). */
  protected allocate(key: Uint8Array): number | undefined {
    return this.table.insert(key);
  }

  /** Hook for LRU maps: an element was used. */
  protected touch(_slot: number): void {}

  override delete(key: Uint8Array, _cpu: number): number {
    return this.table.remove(key) === undefined ? -ENOENT : 0;
  }

  override userLookup(key: Uint8Array): Uint8Array | number {
    const slot = this.table.find(key);
    return slot === undefined ? -ENOENT : this.readUser(slot);
  }

  protected readUser(slot: number): Uint8Array {
    const out = new Uint8Array(this.userValueSize);
    for (let c = 0; c < this.copies; c++) this.copyValueOut(this.values, this.offsetOf(slot, c), out, c * this.stride);
    return out;
  }

  override getNextKey(key: Uint8Array | null): Uint8Array | number {
    return this.table.nextKey(key) ?? -ENOENT;
  }

  override entries(): MapEntry[] {
    return [...this.table.all()].map(({ key, slot }) => ({ key: key.slice(), value: this.readUser(slot) }));
  }
}
