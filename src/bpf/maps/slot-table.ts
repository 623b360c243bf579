/**
 * Key index for the hash-style maps: a fixed pool of value slots (the kernel's preallocated
 * elements) and key -> slot lookup. Iteration order is insertion order: a key keeps its position
 * when its value is updated and moves to the end when deleted and re-inserted. (The kernel walks
 * hash buckets instead, an order that depends on a random seed, so any stable order is as faithful.)
 */
import { toHex } from './bytes';

interface Entry {
  key: Uint8Array;
  slot: number;
}

export class SlotTable {
  private readonly index = new Map<string, Entry>();
  private readonly bySlot: (string | undefined)[];
  /** Free slots, reused last-freed-first like the kernel's per-CPU freelist. */
  private readonly freeSlots: number[] = [];

  constructor(readonly capacity: number) {
    this.bySlot = new Array<string | undefined>(capacity);
    for (let slot = capacity - 1; slot >= 0; slot--) this.freeSlots.push(slot);
  }

  get size(): number {
    return this.index.size;
  }

  find(key: Uint8Array): number | undefined {
    return this.index.get(toHex(key))?.slot;
  }

  /** Takes a free slot for a new key; undefined when every slot is in use. */
  insert(key: Uint8Array): number | undefined {
    const slot = this.freeSlots.pop();
    if (slot !== undefined) this.bind(key, slot);
    return slot;
  }

  /** For maps that allocate slots themselves (LRU): `slot` now holds `key`, which is new. */
  bind(key: Uint8Array, slot: number): void {
    const hex = toHex(key);
    this.index.set(hex, { key: key.slice(), slot });
    this.bySlot[slot] = hex;
  }

  /** Moves an existing key to another slot, keeping its iteration position. */
  rebind(key: Uint8Array, slot: number): void {
    const entry = this.index.get(toHex(key));
    if (entry === undefined) throw new Error('rebind of a missing key');
    this.bySlot[entry.slot] = undefined;
    entry.slot = slot;
    this.bySlot[slot] = toHex(key);
  }

  remove(key: Uint8Array): number | undefined {
    const entry = this.index.get(toHex(key));
    if (entry === undefined) return undefined;
    this.unbind(entry.slot);
    this.freeSlots.push(entry.slot);
    return entry.slot;
  }

  /** Drops whatever key occupies `slot` without returning the slot to the free pool (LRU eviction). */
  unbind(slot: number): boolean {
    const hex = this.bySlot[slot];
    if (hex === undefined) return false;
    this.index.delete(hex);
    this.bySlot[slot] = undefined;
    return true;
  }

  /** Keys with their slots, in iteration order. */
  *all(): IterableIterator<Entry> {
    yield* this.index.values();
  }

  /** The key after `key`; the first key when `key` is null or absent (as the kernel does). */
  nextKey(key: Uint8Array | null): Uint8Array | null {
    const hex = key === null ? null : toHex(key);
    if (hex === null || !this.index.has(hex)) return this.index.values().next().value?.key.slice() ?? null;
    let found = false;
    for (const [k, entry] of this.index) {
      if (found) return entry.key.slice();
      if (k === hex) found = true;
    }
    return null;
  }
}
