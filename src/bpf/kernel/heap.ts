/**
 * Simulated memory: one 'kernel' and one 'user' arena, each a single GuestMemory region mapped
 * once, so every object keeps one address for the whole simulation (disksnoop keys a hash map
 * by `struct request *` between two firings; that only works if the pointer is stable).
 *
 * Allocation is deterministic: a bump pointer plus per-size free lists, so the same workload
 * always yields the same addresses. An arena grows by remapping (its base stays the same).
 */
import type { GuestMemory, RegionKind } from '../vm/guest-memory';
import { encodeFields, field, type FieldValue, type Layout } from './layout';

export class Arena {
  readonly base: bigint;
  private bytes: Uint8Array;
  private view: DataView;
  private top = 64; // offset 0 stays unused so that base itself is never a live object
  private readonly free = new Map<number, number[]>();

  constructor(
    private readonly mem: GuestMemory,
    readonly kind: Extract<RegionKind, 'kernel' | 'user'>,
    name: string,
    initialSize = 64 * 1024,
  ) {
    this.bytes = new Uint8Array(initialSize);
    this.view = new DataView(this.bytes.buffer);
    // Kernel memory is read-only to programs (only probe_read* may touch it); user memory is
    // writable so bpf_probe_write_user works.
    this.base = mem.map(kind, name, this.bytes, kind === 'user');
  }

  /** `size` zeroed bytes aligned to 8 (16 for larger objects, like kmalloc). */
  alloc(size: number): bigint {
    const rounded = Math.max(8, Math.ceil(size / 8) * 8);
    const reused = this.free.get(rounded)?.shift();
    if (reused !== undefined) {
      this.bytes.fill(0, reused, reused + rounded);
      return this.base + BigInt(reused);
    }
    const align = rounded >= 64 ? 64 : 8;
    const offset = Math.ceil(this.top / align) * align;
    this.top = offset + rounded;
    if (this.top > this.bytes.length) this.grow(this.top);
    return this.base + BigInt(offset);
  }

  /** Returns an allocation of `size` bytes to the free list; its bytes stay until reuse (like the slab). */
  release(addr: bigint, size: number): void {
    const rounded = Math.max(8, Math.ceil(size / 8) * 8);
    const list = this.free.get(rounded) ?? [];
    list.push(this.offsetOf(addr, rounded));
    this.free.set(rounded, list);
  }

  /** Allocates and writes `data` (a NUL-terminated string when given a string). */
  put(data: Uint8Array | string): bigint {
    const bytes = typeof data === 'string' ? cString(data) : data;
    const addr = this.alloc(bytes.length);
    this.bytes.set(bytes, this.offsetOf(addr, bytes.length));
    return addr;
  }

  writeBytes(addr: bigint, data: Uint8Array): void {
    this.bytes.set(data, this.offsetOf(addr, data.length));
  }

  read(addr: bigint, len: number): Uint8Array {
    const offset = this.offsetOf(addr, len);
    return this.bytes.slice(offset, offset + len);
  }

  writeInt(addr: bigint, size: number, value: number | bigint): void {
    const o = this.offsetOf(addr, size);
    const v = BigInt.asUintN(size * 8, BigInt(value));
    if (size === 8) this.view.setBigUint64(o, v, true);
    else if (size === 4) this.view.setUint32(o, Number(v), true);
    else if (size === 2) this.view.setUint16(o, Number(v), true);
    else if (size === 1) this.view.setUint8(o, Number(v));
    else throw new Error(`writeInt: bad size ${size}`);
  }

  readInt(addr: bigint, size: number): bigint {
    const o = this.offsetOf(addr, size);
    if (size === 8) return this.view.getBigUint64(o, true);
    if (size === 4) return BigInt(this.view.getUint32(o, true));
    if (size === 2) return BigInt(this.view.getUint16(o, true));
    return BigInt(this.view.getUint8(o));
  }

  contains(addr: bigint): boolean {
    return addr >= this.base && addr < this.base + BigInt(this.bytes.length);
  }

  private offsetOf(addr: bigint, len: number): number {
    const offset = Number(addr - this.base);
    if (addr < this.base || offset + len > this.bytes.length)
      throw new Error(`simulated ${this.kind} address ${addr.toString(16)} is outside the arena`);
    return offset;
  }

  private grow(needed: number): void {
    let size = this.bytes.length;
    while (size < needed) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes);
    this.bytes = next;
    this.view = new DataView(next.buffer);
    this.mem.remap(this.base, next);
  }
}

/** A typed object in an arena: writes go through its layout, so a misspelt field throws. */
export class KObject {
  constructor(
    readonly arena: Arena,
    readonly layout: Layout,
    readonly addr: bigint,
  ) {}

  static create(arena: Arena, layout: Layout, values: Readonly<Record<string, FieldValue>> = {}): KObject {
    const obj = new KObject(arena, layout, arena.alloc(layout.size));
    obj.set(values);
    return obj;
  }

  /** Address of a member (`&task->comm`). */
  at(path: string): bigint {
    return this.addr + BigInt(field(this.layout, path).offset);
  }

  set(values: Readonly<Record<string, FieldValue>>): this {
    for (const { offset, bytes } of encodeFields(this.layout, values))
      this.arena.writeBytes(this.addr + BigInt(offset), bytes);
    return this;
  }

  get(path: string): bigint {
    const f = field(this.layout, path);
    return this.arena.readInt(this.addr + BigInt(f.offset), f.size);
  }

  free(): void {
    this.arena.release(this.addr, this.layout.size);
  }
}

export const cString = (text: string): Uint8Array => {
  const bytes = new Uint8Array(text.length + 1);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
};

/** Network byte order helpers for __be16/__be32 fields. */
export const htons = (n: number): number => ((n & 0xff) << 8) | ((n >> 8) & 0xff);
export const htonl = (n: number): number =>
  (((n & 0xff) << 24) | ((n & 0xff00) << 8) | ((n >>> 8) & 0xff00) | (n >>> 24)) >>> 0;
