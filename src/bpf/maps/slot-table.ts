/**
 * Key index for the hash-style maps: a fixed pool of value slots (the kernel's preallocated
 * elements) and key -> slot lookup. Iteration order is insertion order: a key keeps its position
 * when its value is updated and moves to the end when deleted and re-inserted. (The kernel walks
 * hash buckets instead, an order that depends on a random seed, so any stable order is as faithful.)
 *
 * Lookups run once or more per packet, so keys are never turned into strings: a number hashes the
 * bytes (the exact value for keys up to 6 bytes), a Map finds the few entries with that hash, and a
 * byte comparison picks the key.
 */

interface Entry {
  readonly key: Uint8Array;
  slot: number;
}

/**
 * The hash of the `n` bytes at `at` in `bytes`. Up to 6 bytes: the little-endian value times 8
 * plus the length (exact); longer: FNV-1a over 32-bit little-endian words (a quarter of the
 * multiplies of a byte-wise FNV for flow keys), then the trailing bytes, seeded with the length.
 * Any hash would do: it only picks the bucket.
 */
function hashAt(bytes: Uint8Array, at: number, n: number): number {
  if (n <= 6) {
    let value = 0;
    for (let i = n - 1; i >= 0; i--) value = value * 256 + bytes[at + i]!;
    return value * 8 + n;
  }
  let h = 0x811c9dc5 ^ n;
  let i = at;
  const end = at + n;
  for (; i + 4 <= end; i += 4)
    h = Math.imul(h ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)), 0x01000193);
  for (; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h;
}

const hashOf = (key: Uint8Array): number => hashAt(key, 0, key.length);

/** Whether `key` equals the `n` bytes at `at` in `bytes`. */
function sameBytesAt(key: Uint8Array, bytes: Uint8Array, at: number, n: number): boolean {
  if (key.length !== n) return false;
  for (let i = 0; i < n; i++) if (key[i] !== bytes[at + i]) return false;
  return true;
}

export class SlotTable {
  /** Entries by key hash (usually one per hash). */
  private readonly buckets = new Map<number, Entry[]>();
  /** Every entry, in iteration order. */
  private readonly order = new Set<Entry>();
  private readonly bySlot: (Entry | undefined)[];
  /** Free slots, reused last-freed-first like the kernel's per-CPU freelist. */
  private readonly freeSlots: number[] = [];

  constructor(readonly capacity: number) {
    this.bySlot = new Array<Entry | undefined>(capacity);
    for (let slot = capacity - 1; slot >= 0; slot--) this.freeSlots.push(slot);
  }

  get size(): number {
    return this.order.size;
  }

  private entry(key: Uint8Array): Entry | undefined {
    return this.entryAt(key, 0, key.length);
  }

  private entryAt(bytes: Uint8Array, at: number, n: number): Entry | undefined {
    const bucket = this.buckets.get(hashAt(bytes, at, n));
    if (bucket === undefined) return undefined;
    for (let i = 0; i < bucket.length; i++) if (sameBytesAt(bucket[i]!.key, bytes, at, n)) return bucket[i];
    return undefined;
  }

  find(key: Uint8Array): number | undefined {
    return this.entryAt(key, 0, key.length)?.slot;
  }

  /** find() for the key in the `n` bytes at `at` of `bytes` (the JIT's linear memory): no copy, no view. */
  findAt(bytes: Uint8Array, at: number, n: number): number | undefined {
    return this.entryAt(bytes, at, n)?.slot;
  }

  /** Takes a free slot for a new key; undefined when every slot is in use. */
  insert(key: Uint8Array): number | undefined {
    const slot = this.freeSlots.pop();
    if (slot !== undefined) this.bind(key, slot);
    return slot;
  }

  /** For maps that allocate slots themselves (LRU): `slot` now holds `key`, which is new. */
  bind(key: Uint8Array, slot: number): void {
    const entry: Entry = { key: key.slice(), slot };
    const hash = hashOf(key);
    const bucket = this.buckets.get(hash);
    if (bucket === undefined) this.buckets.set(hash, [entry]);
    else bucket.push(entry);
    this.order.add(entry);
    this.bySlot[slot] = entry;
  }

  /** Moves an existing key to another slot, keeping its iteration position. */
  rebind(key: Uint8Array, slot: number): void {
    const entry = this.entry(key);
    if (entry === undefined) throw new Error('rebind of a missing key');
    this.bySlot[entry.slot] = undefined;
    entry.slot = slot;
    this.bySlot[slot] = entry;
  }

  remove(key: Uint8Array): number | undefined {
    const entry = this.entry(key);
    if (entry === undefined) return undefined;
    this.unbind(entry.slot);
    this.freeSlots.push(entry.slot);
    return entry.slot;
  }

  /** Drops whatever key occupies `slot` without returning the slot to the free pool (LRU eviction). */
  unbind(slot: number): boolean {
    const entry = this.bySlot[slot];
    if (entry === undefined) return false;
    const hash = hashOf(entry.key);
    const bucket = this.buckets.get(hash)!;
    if (bucket.length === 1) this.buckets.delete(hash);
    else bucket.splice(bucket.indexOf(entry), 1);
    this.order.delete(entry);
    this.bySlot[slot] = undefined;
    return true;
  }

  /** Keys with their slots, in iteration order. */
  *all(): IterableIterator<Entry> {
    yield* this.order.values();
  }

  /** The key after `key`; the first key when `key` is null or absent (as the kernel does). */
  nextKey(key: Uint8Array | null): Uint8Array | null {
    const current = key === null ? undefined : this.entry(key);
    if (current === undefined) return this.order.values().next().value?.key.slice() ?? null;
    let found = false;
    for (const entry of this.order) {
      if (found) return entry.key.slice();
      if (entry === current) found = true;
    }
    return null;
  }
}
