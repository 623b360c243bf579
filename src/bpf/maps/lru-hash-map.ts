/**
 * lru_hash and lru_percpu_hash: hash maps that never fail with -E2BIG; a new key takes a node
 * from the LRU (evicting per LruPolicy). As in the kernel, lru_hash allocates a fresh node on
 * every update — even one that then fails with -EEXIST or replaces an existing key — so updates
 * can evict (the new node of a replaced key starts referenced); lru_percpu_hash updates existing keys in place (and skips allocation for BPF_EXIST).
 */
import { EEXIST, EINVAL, ENOENT, ENOMEM } from './errno';
import { HashMap } from './hash-map';
import { LruPolicy } from './lru-policy';
import type { MapSpec } from './map';
import { BPF_EXIST, BPF_F_NO_COMMON_LRU, BPF_NOEXIST } from './map-types';

export class LruHashMap extends HashMap {
  private readonly lru: LruPolicy;

  constructor(spec: MapSpec, cpus: number, percpu: boolean) {
    super(spec, cpus, percpu);
    const perCpuLists = (spec.flags & BPF_F_NO_COMMON_LRU) !== 0;
    this.lru = new LruPolicy(spec.maxEntries, cpus, perCpuLists, (node) => this.table.unbind(node));
  }

  override lookup(key: Uint8Array, cpu: number): number | null {
    const slot = this.table.find(key);
    if (slot === undefined) return null;
    this.lru.setRef(slot);
    return this.offsetOf(slot, cpu);
  }

  override lookupAt(bytes: Uint8Array, at: number, cpu: number): number | null {
    const slot = this.table.findAt(bytes, at, this.spec.keySize);
    if (slot === undefined) return null;
    this.lru.setRef(slot);
    return this.offsetOf(slot, cpu);
  }

  override update(key: Uint8Array, value: Uint8Array, flags: bigint, cpu: number): number {
    return this.lruStore(key, flags, cpu, (slot) => this.copyValueIn(this.values, this.offsetOf(slot, cpu), value));
  }

  /** User space writes every CPU's copy; its own CPU is taken to be 0. */
  override userUpdate(key: Uint8Array, value: Uint8Array, flags: bigint): number {
    return this.lruStore(key, flags, 0, (slot) => {
      for (let c = 0; c < this.copies; c++) {
        this.copyValueIn(this.values, this.offsetOf(slot, c), value.subarray(c * this.stride));
      }
    });
  }

  override delete(key: Uint8Array, _cpu: number): number {
    const slot = this.table.find(key);
    if (slot === undefined) return -ENOENT;
    this.table.unbind(slot);
    this.lru.pushFree(slot);
    return 0;
  }

  private lruStore(key: Uint8Array, flags: bigint, cpu: number, write: (slot: number) => void): number {
    if (flags > BPF_EXIST) return -EINVAL;
    const percpu = this.copies > 1;
    const node = percpu && flags === BPF_EXIST ? null : this.lru.popFree(cpu);
    if (node === null && !(percpu && flags === BPF_EXIST)) return -ENOMEM;
    const old = this.table.find(key);
    const status =
      old !== undefined && flags === BPF_NOEXIST ? -EEXIST : old === undefined && flags === BPF_EXIST ? -ENOENT : 0;
    if (status !== 0) {
      if (node !== null) this.lru.pushFree(node);
      return status;
    }
    if (percpu && old !== undefined) {
      this.lru.setRef(old);
      write(old);
      if (node !== null) this.lru.pushFree(node);
      return 0;
    }
    if (node === null) return -ENOMEM;
    this.clearSlot(node);
    write(node);
    if (old === undefined) this.table.bind(key, node);
    else {
      // Replacing a key counts as a use of it: the new node starts out referenced.
      this.lru.setRef(node);
      this.table.rebind(key, node);
      this.lru.pushFree(old);
    }
    return 0;
  }

  private clearSlot(slot: number): void {
    const start = slot * this.copies * this.stride;
    this.values.fill(0, start, start + this.copies * this.stride);
  }
}
