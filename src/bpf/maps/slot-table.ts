/**
 * Key index for the hash-style maps: a fixed pool of value slots (the kernel's preallocated
 * elements) and key -> slot lookup. Iteration order is insertion order: a key keeps its position
 * when its value is updated and moves to the end when deleted and re-inserted. (The kernel walks
 * hash buckets instead, an order that depends on a random seed, so any stable order is as faithful.)
 */
/** The index's key for a key's bytes (any length): a number up to 6 bytes, else a string. */
type IndexKey = number | string;

/**
 * Keys are looked up once or more per packet, so they are made cheaply: up to 6 bytes, the
 * little-endian value times 8 plus the length (exact below 2^53); longer, a string of the length
 * then one char per 2 bytes. Both encode the length, so keys of different sizes never collide.
 */
function indexKey(key: Uint8Array): IndexKey {
  const n = key.length;
  if (n <= 6) {
    let value = 0;
    for (let i = n - 1; i >= 0; i--) value = value * 256 + key[i]!;
    return value * 8 + n;
  }
  let text = String.fromCharCode(n);
  for (let i = 0; i + 1 < n; i += 2) text += String.fromCharCode(key[i]! | (key[i + 1]! << 8));
  if ((n & 1) !== 0) text += String.fromCharCode(key[n - 1]!);
  return text;
}

interface Entry {
  key: Uint8Array;
  slot: number;
}

export class SlotTable {
  private readonly index = new Map<IndexKey, Entry>();
  private readonly bySlot: (IndexKey | undefined)[];
  /** Free slots, reused last-freed-first like the kernel's per-CPU freelist. */
  private readonly freeSlots: number[] = [];

  constructor(readonly capacity: number) {
    this.bySlot = new Array<IndexKey | undefined>(capacity);
    for (let slot = capacity - 1; slot >= 0; slot--) this.freeSlots.push(slot);
  }

  get size(): number {
    return this.index.size;
  }

  find(key: Uint8Array): number | undefined {
    return this.index.get(indexKey(key))?.slot;
  }

  /** Takes a free slot for a new key; undefined when every slot is in use. */
  insert(key: Uint8Array): number | undefined {
    const slot = this.freeSlots.pop();
    if (slot !== undefined) this.bind(key, slot);
    return slot;
  }

  /** For maps that allocate slots themselves (LRU): `slot` now holds `key`, which is new. */
  bind(key: Uint8Array, slot: number): void {
    const indexed = indexKey(key);
    this.index.set(indexed, { key: key.slice(), slot });
    this.bySlot[slot] = indexed;
  }

  /** Moves an existing key to another slot, keeping its iteration position. */
  rebind(key: Uint8Array, slot: number): void {
    const entry = this.index.get(indexKey(key));
    if (entry === undefined) throw new Error('rebind of a missing key');
    this.bySlot[entry.slot] = undefined;
    entry.slot = slot;
    this.bySlot[slot] = indexKey(key);
  }

  remove(key: Uint8Array): number | undefined {
    const entry = this.index.get(indexKey(key));
    if (entry === undefined) return undefined;
    this.unbind(entry.slot);
    this.freeSlots.push(entry.slot);
    return entry.slot;
  }

  /** Drops whatever key occupies `slot` without returning the slot to the free pool (LRU eviction). */
  unbind(slot: number): boolean {
    const indexed = this.bySlot[slot];
    if (indexed === undefined) return false;
    this.index.delete(indexed);
    this.bySlot[slot] = undefined;
    return true;
  }

  /** Keys with their slots, in iteration order. */
  *all(): IterableIterator<Entry> {
    yield* this.index.values();
  }

  /** The key after `key`; the first key when `key` is null or absent (as the kernel does). */
  nextKey(key: Uint8Array | null): Uint8Array | null {
    const indexed = key === null ? null : indexKey(key);
    if (indexed === null || !this.index.has(indexed)) return this.index.values().next().value?.key.slice() ?? null;
    let found = false;
    for (const [k, entry] of this.index) {
      if (found) return entry.key.slice();
      if (k === indexed) found = true;
    }
    return null;
  }
}
