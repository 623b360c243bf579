/**
 * lpm_trie: keys are struct bpf_lpm_trie_key_u8 { u32 prefixlen; u8 data[] } (data in network
 * order). Lookups — from programs and from user space alike — return the longest stored prefix
 * that covers the first key.prefixlen bits of the key. Update/delete address one exact prefix;
 * bits past the prefix length are ignored for matching but kept in the stored key.
 *
 * Display/get_next_key order is the kernel's post-order walk: longer prefixes before the shorter
 * prefixes that cover them, siblings with a 0 bit before those with a 1 bit.
 */
import { BaseMap } from './base-map';
import { EEXIST, EINVAL, ENOENT, ENOSPC } from './errno';
import type { MapEntry, MapSpec } from './map';
import { BPF_EXIST, BPF_NOEXIST } from './map-types';
import { readU32 } from './bytes';

interface Prefix {
  key: Uint8Array;
  length: number;
  slot: number;
}

export class LpmTrieMap extends BaseMap {
  override readonly values: Uint8Array;
  /** prefix length -> masked data (hex) -> entry */
  private readonly byLength = new Map<number, Map<string, Prefix>>();
  private readonly freeSlots: number[] = [];
  private count = 0;
  private readonly maxBits: number;

  constructor(spec: MapSpec, cpus: number) {
    super(spec, cpus);
    this.maxBits = (spec.keySize - 4) * 8;
    this.values = new Uint8Array(spec.maxEntries * this.stride);
    for (let slot = spec.maxEntries - 1; slot >= 0; slot--) this.freeSlots.push(slot);
  }

  private masked(key: Uint8Array, length: number): string {
    let out = '';
    for (let bit = 0; bit < length; bit += 8) {
      const byte = key[4 + bit / 8] ?? 0;
      const keep = Math.min(8, length - bit);
      out += (byte & (0xff << (8 - keep)) & 0xff).toString(16).padStart(2, '0');
    }
    return out;
  }

  private exact(key: Uint8Array): Prefix | undefined {
    const length = readU32(key);
    return this.byLength.get(length)?.get(this.masked(key, length));
  }

  private longestMatch(key: Uint8Array): Prefix | undefined {
    for (let length = Math.min(readU32(key), this.maxBits); length >= 0; length--) {
      const found = this.byLength.get(length)?.get(this.masked(key, length));
      if (found !== undefined) return found;
    }
    return undefined;
  }

  override lookup(key: Uint8Array, _cpu: number): number | null {
    const found = this.longestMatch(key);
    return found === undefined ? null : found.slot * this.stride;
  }

  override userLookup(key: Uint8Array): Uint8Array | number {
    const found = this.longestMatch(key);
    if (found === undefined) return -ENOENT;
    const out = new Uint8Array(this.spec.valueSize);
    this.copyValueOut(this.values, found.slot * this.stride, out, 0);
    return out;
  }

  override update(key: Uint8Array, value: Uint8Array, flags: bigint, _cpu: number): number {
    if (flags > BPF_EXIST) return -EINVAL;
    const length = readU32(key);
    if (length > this.maxBits) return -EINVAL;
    const old = this.exact(key);
    if (old !== undefined && flags === BPF_NOEXIST) return -EEXIST;
    if (old === undefined && flags === BPF_EXIST) return -ENOENT;
    let slot = old?.slot;
    if (slot === undefined) {
      slot = this.freeSlots.pop();
      if (slot === undefined) return -ENOSPC;
      this.count++;
    }
    const group = this.byLength.get(length) ?? new Map<string, Prefix>();
    this.byLength.set(length, group);
    group.set(this.masked(key, length), { key: key.slice(0, this.spec.keySize), length, slot });
    this.values.fill(0, slot * this.stride, (slot + 1) * this.stride);
    this.copyValueIn(this.values, slot * this.stride, value);
    return 0;
  }

  override delete(key: Uint8Array, _cpu: number): number {
    const length = readU32(key);
    if (length > this.maxBits) return -EINVAL;
    const found = this.exact(key);
    if (found === undefined) return -ENOENT;
    this.byLength.get(length)?.delete(this.masked(key, length));
    this.freeSlots.push(found.slot);
    this.count--;
    return 0;
  }

  get size(): number {
    return this.count;
  }

  private ordered(): Prefix[] {
    const all = [...this.byLength.values()].flatMap((group) => [...group.values()]);
    return all.sort((a, b) => this.postOrder(a, b));
  }

  private bit(p: Prefix, index: number): number {
    return ((p.key[4 + (index >> 3)] ?? 0) >> (7 - (index & 7))) & 1;
  }

  private postOrder(a: Prefix, b: Prefix): number {
    const common = Math.min(a.length, b.length);
    for (let i = 0; i < common; i++) {
      const diff = this.bit(a, i) - this.bit(b, i);
      if (diff !== 0) return diff;
    }
    return b.length - a.length;
  }

  override getNextKey(key: Uint8Array | null): Uint8Array | number {
    const order = this.ordered();
    const current = key === null ? undefined : this.exact(key);
    const index = current === undefined ? -1 : order.indexOf(current);
    return order[index + 1]?.key.slice() ?? -ENOENT;
  }

  override entries(): MapEntry[] {
    return this.ordered().map((p) => {
      const value = new Uint8Array(this.spec.valueSize);
      this.copyValueOut(this.values, p.slot * this.stride, value, 0);
      return { key: p.key.slice(), value };
    });
  }
}
