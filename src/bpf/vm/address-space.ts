/**
 * The guest address space: a set of regions, each found from the high 32 bits of an address.
 *
 * Region n lives at high word HI_BASE + 2n with offset 0 at its first byte, so a pointer's low
 * word is its offset and finding the region is one subtraction. Odd high words are never used:
 * running off either end of a region (even by a 64-bit borrow) lands on "no region" instead of a
 * neighbour. HI_BASE makes addresses look like the kernel's direct map (0xffff8880...), which is
 * what users see in the kernel's own logs.
 *
 * The interpreter reads the plain arrays below directly (hot path); everything else goes through
 * the GuestMemory methods, which check bounds and permissions and throw VmFault.
 */
import { type GuestMemory, type RegionInfo, type RegionKind, VmFault } from './guest-memory';
import * as int64 from './int64';

// Module-local copies: under CommonJS interop each imported binding read is a getter call.
const { highWord, lowWord } = int64;

export const HI_BASE = 0xffff8880 | 0;
export const TWO_32 = 4294967296;

/**
 * Access codes kept per region; the interpreter's fast path handles only READ and READ_WRITE.
 * HELPER_ONLY marks simulated kernel and user memory: helpers reach it through view() (probe_read_*),
 * but a program's own loads, stores and atomics fault, as the kernel's verifier rejects them.
 */
export const Access = { NONE: 0, READ: 1, READ_WRITE: 3, SPECIAL: 4, HELPER_ONLY: 8 } as const;

/** Region kinds programs may not dereference directly (only helpers may access them). */
export const isHelperOnly = (kind: RegionKind): boolean => kind === 'kernel' || kind === 'user';

/** Program-context regions whose fields the kernel rewrites (xdp_md.data is a 32-bit field holding a pointer). */
export interface CtxHandler {
  /** Value the program sees for a load of `size` bytes at `offset`; throws VmFault for a field it may not read. */
  load(offset: number, size: number): bigint;
  store(offset: number, size: number, value: bigint): void;
  /**
   * Optional fast form of load() for the interpreter: writes the value as int32 halves into
   * regs[d] (low) and regs[d + 1] (high), avoiding BigInt on every packet's ctx->data load.
   */
  loadHalves?(offset: number, size: number, regs: Int32Array, d: number): void;
  /** Optional fast form of store(): the value's low `size` bytes given as int32 halves (low, high). */
  storeHalves?(offset: number, size: number, lo: number, hi: number): void;
  /**
   * Optional, for the JIT's inline context loads: calls `listener` with every field's offset, size
   * and whole-field load value (int32 halves) now, and again whenever a value changes.
   */
  observeFields?(listener: (offset: number, size: number, lo: number, hi: number) => void): void;
}

export const regionBase = (id: number): bigint => BigInt.asUintN(64, BigInt((HI_BASE + 2 * id) | 0) << 32n);

export const hex64 = (addr: bigint): string => `0x${BigInt.asUintN(64, addr).toString(16)}`;

export class AddressSpace implements GuestMemory {
  // Parallel arrays indexed by region id, mutated in place so the interpreter may hold references.
  readonly bytes: Uint8Array[] = [];
  readonly views: DataView[] = [];
  readonly sizes: number[] = [];
  readonly access: number[] = [];
  readonly infos: (RegionInfo | null)[] = [];
  readonly handlers: (CtxHandler | null)[] = [];
  /**
   * Called with a region id after it was mapped, remapped or unmapped (the JIT mirrors the
   * region table into its linear memory). Ids past the end after a trim are reported too.
   */
  readonly observers: ((id: number) => void)[] = [];

  map(kind: RegionKind, name: string, bytes: Uint8Array, writable: boolean): bigint {
    const access = isHelperOnly(kind) ? Access.HELPER_ONLY : writable ? Access.READ_WRITE : Access.READ;
    return this.add(kind, name, bytes, access, null, writable);
  }

  /** A context region: loads and stores go through `handler`; `bytes` is what helpers see via view(). */
  mapCtx(name: string, bytes: Uint8Array, handler: CtxHandler): bigint {
    return this.add('ctx', name, bytes, Access.SPECIAL, handler, true);
  }

  remap(base: bigint, bytes: Uint8Array): void {
    const id = this.idOf(base);
    const info = id === null ? null : this.infos[id];
    if (id === null || !info || regionBase(id) !== base) throw new VmFault(`remap: no region at ${hex64(base)}`);
    this.bytes[id] = bytes;
    this.views[id] = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.sizes[id] = bytes.byteLength;
    this.infos[id] = { ...info, size: bytes.byteLength };
    this.notify(id);
  }

  unmap(base: bigint): void {
    const id = this.idOf(base);
    if (id === null || regionBase(id) !== base) throw new VmFault(`unmap: no region at ${hex64(base)}`);
    this.access[id] = Access.NONE;
    this.sizes[id] = 0;
    this.infos[id] = null;
    this.handlers[id] = null;
    // Region ids are reused from the top: trailing unmapped ids are dropped, so a runner that maps
    // per-run regions and unmaps everything past its watermark gets the same ids every run
    // instead of exhausting the id space (as the kernel reuses addresses, a pointer kept from an
    // older run may then point into the newer region). Holes below live regions are not reused:
    // that keeps the watermark pattern (ids >= a length taken before the run) exact.
    let end = this.infos.length;
    while (end > 0 && this.infos[end - 1] === null) end--;
    for (const list of [this.bytes, this.views, this.sizes, this.access, this.infos, this.handlers]) list.length = end;
    this.notify(id);
  }

  regionAt(addr: bigint): RegionInfo | null {
    const id = this.idOf(addr);
    if (id === null) return null;
    const info = this.infos[id];
    return info && Number(BigInt.asUintN(32, addr)) < info.size ? info : null;
  }

  view(addr: bigint, len: number, write: boolean): Uint8Array {
    const id = this.idOf(addr);
    const info = id === null ? null : this.infos[id];
    if (id === null || !info) throw new VmFault(this.explain(write, addr, len));
    const offset = lowWord(addr) >>> 0;
    if (len < 0 || offset + len > info.size) throw new VmFault(describeFault(write, addr, len, info));
    if (write && !info.writable)
      throw new VmFault(`write of ${len} byte${len === 1 ? '' : 's'} at ${hex64(addr)} into read-only ${info.name}`);
    return this.bytes[id]!.subarray(offset, offset + len);
  }

  /** Fault text for an access at addr; names the region it hits or the one it fell just below. */
  explain(write: boolean, addr: bigint, size: number): string {
    const id = this.idOf(addr);
    const info = id === null ? null : this.infos[id];
    if (info) return describeFault(write, addr, size, info);
    const above = this.idOf(addr + (1n << 32n));
    const next = above === null ? null : this.infos[above];
    const base = describeFault(write, addr, size, null);
    if (!next) return base;
    const below = next.base - addr;
    return `${base} (${below} byte${below === 1n ? '' : 's'} below ${next.name})`;
  }

  /** Region id of an address's high word, or null when the high word belongs to no region ever mapped. */
  idOf(addr: bigint): number | null {
    // No BigInt operation: helpers resolve every pointer argument through here.
    return this.idOfHigh(highWord(addr));
  }

  idOfHigh(hi: number): number | null {
    const delta = (hi - HI_BASE) >>> 0;
    if ((delta & 1) !== 0) return null;
    const id = delta >>> 1;
    return id < this.infos.length && this.infos[id] ? id : null;
  }

  private notify(id: number): void {
    for (const observer of this.observers) observer(id);
  }

  private add(
    kind: RegionKind,
    name: string,
    bytes: Uint8Array,
    access: number,
    handler: CtxHandler | null,
    writable: boolean,
  ): bigint {
    const id = this.infos.length;
    const base = regionBase(id);
    this.bytes.push(bytes);
    this.views.push(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    this.sizes.push(bytes.byteLength);
    this.access.push(access);
    this.infos.push({ kind, name, base, size: bytes.byteLength, writable });
    this.handlers.push(handler);
    this.notify(id);
    return base;
  }
}

/**
 * "read of 4 bytes at 0x...: kernel memory 'x' can only be read with bpf_probe_read_kernel": a
 * program's direct access to a helper-only region (the verifier's job in the kernel).
 */
export function describeHelperOnly(write: boolean, addr: bigint, size: number, region: RegionInfo): string {
  const what = `${write ? 'write' : 'read'} of ${size} byte${size === 1 ? '' : 's'} at ${hex64(addr)}`;
  const kind = region.kind === 'user' ? 'user' : 'kernel';
  const label = region.name === `${kind} memory` ? region.name : `${kind} memory '${region.name}'`;
  const how = `can only be read with bpf_probe_read_${kind}`;
  if (!write) return `${what}: ${label} ${how}`;
  const store = kind === 'user' ? 'can only be written with bpf_probe_write_user' : 'cannot be written by a program';
  return `${what}: ${label} ${store} (it ${how})`;
}

/** "read of 8 bytes at 0x... is outside packet (size 64, offset 60)" and friends. */
export function describeFault(write: boolean, addr: bigint, size: number, region: RegionInfo | null): string {
  const what = `${write ? 'write' : 'read'} of ${size} byte${size === 1 ? '' : 's'} at ${hex64(addr)}`;
  if (region === null) return `${what}: no region`;
  const offset = Number(BigInt.asUintN(64, addr - region.base));
  return `${what} is outside ${region.name} (offset ${offset}, size ${region.size})`;
}
