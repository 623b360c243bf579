/**
 * bloom_filter: push adds a value, peek answers "maybe present" (0) or "definitely absent"
 * (-ENOENT). No false negatives; false positives at the rate the bit array size implies.
 * Sized like the kernel: nr_hash_funcs from map_extra (default 5), bits =
 * roundup_pow_of_two(max_entries * nr_hash_funcs / ln 2). The kernel seeds its hash randomly
 * (unless BPF_F_ZERO_SEED), so exact false positives are not reproducible there either.
 */
import { BaseMap } from './base-map';
import { EINVAL, ENOENT, EOPNOTSUPP } from './errno';
import type { MapEntry, MapSpec } from './map';
import { BPF_ANY } from './map-types';

export class BloomFilterMap extends BaseMap {
  readonly hashFunctions: number;
  private readonly bits: Uint8Array;
  private readonly mask: number;

  constructor(spec: MapSpec, cpus: number) {
    super(spec, cpus);
    const extra = Number((spec.mapExtra ?? 0n) & 0xfn);
    this.hashFunctions = extra === 0 ? 5 : extra;
    const wanted = Math.ceil((spec.maxEntries * this.hashFunctions * 10) / 7);
    let size = 8;
    while (size < wanted && size < 2 ** 31) size *= 2;
    this.bits = new Uint8Array(size / 8);
    this.mask = size - 1;
  }

  /** FNV-1a over the value, seeded per hash function: cheap and well spread for small inputs. */
  private hash(value: Uint8Array, seed: number): number {
    let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < this.spec.valueSize; i++) h = Math.imul(h ^ (value[i] ?? 0), 0x01000193) >>> 0;
    h ^= h >>> 15;
    return Math.imul(h, 0x2c1b3c6d) >>> 0;
  }

  override push(value: Uint8Array, flags: bigint): number {
    if (flags !== BPF_ANY) return -EINVAL;
    for (let i = 0; i < this.hashFunctions; i++) {
      const bit = this.hash(value, i) & this.mask;
      this.bits[bit >> 3]! |= 1 << (bit & 7);
    }
    return 0;
  }

  override peek(value: Uint8Array): number {
    for (let i = 0; i < this.hashFunctions; i++) {
      const bit = this.hash(value, i) & this.mask;
      if (((this.bits[bit >> 3] ?? 0) & (1 << (bit & 7))) === 0) return -ENOENT;
    }
    return 0;
  }

  override pop(_out: Uint8Array): number {
    return -EOPNOTSUPP;
  }

  override update(_key: Uint8Array, _value: Uint8Array, _flags: bigint, _cpu: number): number {
    return -EINVAL;
  }

  override delete(_key: Uint8Array, _cpu: number): number {
    return -EOPNOTSUPP;
  }

  override userUpdate(_key: Uint8Array, value: Uint8Array, flags: bigint): number {
    return this.push(value, flags);
  }

  /** User-space lookup is a membership test: the value comes back when it may be present. */
  override userLookup(value: Uint8Array): Uint8Array | number {
    const status = this.peek(value);
    return status === 0 ? value.slice(0, this.spec.valueSize) : status;
  }

  /** A bloom filter cannot list its members. */
  override entries(): MapEntry[] {
    return [];
  }
}
