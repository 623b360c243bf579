/**
 * array and percpu_array: max_entries values indexed by a u32 key, all present from creation
 * (zeroed), never deletable. Display order: by index, every index.
 */
import { BaseMap } from './base-map';
import { E2BIG, EEXIST, EINVAL, ENOENT } from './errno';
import type { MapEntry, MapSpec } from './map';
import { BPF_NOEXIST } from './map-types';
import { readU32, u32le } from './bytes';

export class ArrayMap extends BaseMap {
  /** Replaced only by relocateValues (same length and contents). */
  override values: Uint8Array;
  /** Value copies per index: one per CPU for percpu_array. */
  readonly copies: number;

  constructor(spec: MapSpec, cpus: number, percpu: boolean) {
    super(spec, cpus);
    this.copies = percpu ? cpus : 1;
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

  private indexOf(key: Uint8Array): number | null {
    const index = readU32(key);
    return index < this.spec.maxEntries ? index : null;
  }

  private offsetOf(index: number, cpu: number): number {
    return (index * this.copies + (this.copies === 1 ? 0 : cpu)) * this.stride;
  }

  override lookup(key: Uint8Array, cpu: number): number | null {
    const index = this.indexOf(key);
    return index === null ? null : this.offsetOf(index, cpu);
  }

  /** Kernel order of checks: flags, then index range (-E2BIG), then NOEXIST (always -EEXIST). */
  private checkUpdate(key: Uint8Array, flags: bigint): number {
    const bad = this.checkUpdateFlags(flags);
    if (bad !== 0) return bad;
    if (this.indexOf(key) === null) return -E2BIG;
    if ((flags & 3n) === BPF_NOEXIST) return -EEXIST;
    return 0;
  }

  override update(key: Uint8Array, value: Uint8Array, flags: bigint, cpu: number): number {
    const status = this.checkUpdate(key, flags);
    if (status !== 0) return status;
    this.copyValueIn(this.values, this.offsetOf(readU32(key), cpu), value);
    return 0;
  }

  override userUpdate(key: Uint8Array, value: Uint8Array, flags: bigint): number {
    const status = this.checkUpdate(key, flags);
    if (status !== 0) return status;
    const index = readU32(key);
    for (let c = 0; c < this.copies; c++) {
      this.copyValueIn(this.values, this.offsetOf(index, c), value.subarray(c * this.stride));
    }
    return 0;
  }

  override delete(_key: Uint8Array, _cpu: number): number {
    return -EINVAL;
  }

  override userLookup(key: Uint8Array): Uint8Array | number {
    const index = this.indexOf(key);
    return index === null ? -ENOENT : this.readUser(index);
  }

  private readUser(index: number): Uint8Array {
    const out = new Uint8Array(this.userValueSize);
    for (let c = 0; c < this.copies; c++) this.copyValueOut(this.values, this.offsetOf(index, c), out, c * this.stride);
    return out;
  }

  /** Index + 1; the first index for a missing or out-of-range key; -ENOENT after the last. */
  override getNextKey(key: Uint8Array | null): Uint8Array | number {
    const index = key === null ? null : this.indexOf(key);
    if (index === null) return u32le(0);
    return index + 1 >= this.spec.maxEntries ? -ENOENT : u32le(index + 1);
  }

  override entries(): MapEntry[] {
    const out: MapEntry[] = [];
    for (let i = 0; i < this.spec.maxEntries; i++) out.push({ key: u32le(i), value: this.readUser(i) });
    return out;
  }
}
