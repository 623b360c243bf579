/**
 * Makes maps addressable by programs. Each map gets two guest regions: a tiny 'map' region whose
 * base is the map pointer a program holds (what `lddw rX, map` loads; not dereferenceable), and
 * one 'map_value' region over its value storage, so bpf_map_lookup_elem returns
 * valueBase + offset and stores through that pointer change the map. The program runner binds
 * the object's maps when it loads a program; inner maps are bound on first use.
 */
import type { GuestMemory } from '../vm/guest-memory';
import type { BpfMap } from './map';

export interface BoundMap {
  readonly map: BpfMap;
  /** The map pointer programs hold (r1 of map helpers). */
  readonly address: bigint;
  /** Guest address of values[0], or null when the map has no addressable values. */
  readonly valueBase: bigint | null;
}

export class MapMemory {
  private readonly byAddress = new Map<bigint, BoundMap>();
  private readonly byMap = new Map<BpfMap, BoundMap>();

  constructor(private readonly mem: GuestMemory) {}

  /** Maps `map` into guest memory (idempotent) and returns its addresses. */
  bind(map: BpfMap): BoundMap {
    const known = this.byMap.get(map);
    if (known !== undefined) return known;
    const address = this.mem.map('map', `map '${map.spec.name}'`, new Uint8Array(8), false);
    const valueBase =
      map.values.length === 0 ? null : this.mem.map('map_value', `map '${map.spec.name}' values`, map.values, true);
    const bound: BoundMap = { map, address, valueBase };
    this.byAddress.set(address, bound);
    this.byMap.set(map, bound);
    return bound;
  }

  /** Every bound map, in binding order. */
  all(): IterableIterator<BoundMap> {
    return this.byMap.values();
  }

  /**
   * Moves the values of bound maps that can move (BpfMap.relocateValues) into memory `allocate`
   * hands out (the JIT's linear memory, so programs reach them without leaving compiled code) and
   * points their value regions there. Maps `allocate` has no room for (null) stay where they are.
   */
  relocateValues(allocate: (size: number) => Uint8Array | null): void {
    for (const bound of this.byMap.values()) {
      const { map, valueBase } = bound;
      if (valueBase === null || map.relocateValues === undefined) continue;
      const target = allocate(map.values.length);
      if (target !== null && map.relocateValues(target)) this.mem.remap(valueBase, target);
    }
  }

  /** The map a program's map pointer refers to, or null when `address` is not a map pointer. */
  at(address: bigint): BoundMap | null {
    return this.byAddress.get(address) ?? null;
  }

  /** The bound map whose value region starts at `valueBase` (ringbuf records -> their ringbuf). */
  owning(valueBase: bigint): BoundMap | null {
    for (const bound of this.byMap.values()) if (bound.valueBase === valueBase) return bound;
    return null;
  }

  /** Removes every region this binder created (when a program is unloaded). */
  unbindAll(): void {
    for (const bound of this.byMap.values()) {
      this.mem.unmap(bound.address);
      if (bound.valueBase !== null) this.mem.unmap(bound.valueBase);
    }
    this.byAddress.clear();
    this.byMap.clear();
  }
}
