/**
 * The "fd array" maps: prog_array (tail-call targets), perf_event_array (perf event per slot)
 * and array_of_maps (inner maps). User space stores a file descriptor; the map holds the object
 * it refers to and reports that object's id on lookup. Fds are resolved by the `resolve`
 * function the creator passes in (the CLI/runner owns the fd table); objects can also be set
 * directly with `set`. Updates accept only BPF_ANY. Display order: by index, filled slots only.
 */
import { BaseMap } from './base-map';
import { E2BIG, EBADF, EINVAL, ENOENT } from './errno';
import type { MapEntry, MapSpec } from './map';
import { BPF_ANY } from './map-types';
import { readU32, u32le } from './bytes';

/** Anything an fd array can hold: a program, a perf event, an inner map. */
export interface FdObject {
  readonly id: number;
}

export class FdArrayMap<T extends FdObject> extends BaseMap {
  private readonly slots: (T | null)[];

  constructor(
    spec: MapSpec,
    cpus: number,
    /** Turns a user-space fd into the object, or null for a bad fd (-EBADF). */
    private readonly resolve: (fd: number) => T | null,
    /** Extra compatibility check (inner map matches the template); returns 0 or -errno. */
    private readonly accept: (object: T) => number = () => 0,
  ) {
    super(spec, cpus);
    this.slots = new Array<T | null>(spec.maxEntries).fill(null);
  }

  private index(key: Uint8Array): number | null {
    const index = readU32(key);
    return index < this.spec.maxEntries ? index : null;
  }

  /** The object at an index (what bpf_tail_call / bpf_perf_event_output / inner lookups see). */
  get(index: number): T | null {
    return this.slots[index] ?? null;
  }

  /** Stores an object directly (as a runner that has the object, not an fd). */
  set(key: Uint8Array, object: T | null, flags: bigint = BPF_ANY): number {
    if (flags !== BPF_ANY) return -EINVAL;
    const index = this.index(key);
    if (index === null) return -E2BIG;
    if (object !== null) {
      const status = this.accept(object);
      if (status !== 0) return status;
    }
    this.slots[index] = object;
    return 0;
  }

  override userUpdate(key: Uint8Array, value: Uint8Array, flags: bigint): number {
    const object = this.resolve(readU32(value));
    if (object === null) return flags !== BPF_ANY ? -EINVAL : -EBADF;
    return this.set(key, object, flags);
  }

  /** Programs cannot update fd arrays (the verifier refuses); the kernel answers -EINVAL. */
  override update(_key: Uint8Array, _value: Uint8Array, _flags: bigint, _cpu: number): number {
    return -EINVAL;
  }

  override delete(key: Uint8Array, _cpu: number): number {
    const index = this.index(key);
    if (index === null) return -E2BIG;
    if (this.slots[index] === null) return -ENOENT;
    this.slots[index] = null;
    return 0;
  }

  override userLookup(key: Uint8Array): Uint8Array | number {
    const index = this.index(key);
    const object = index === null ? null : this.get(index);
    return object === null ? -ENOENT : u32le(object.id);
  }

  override getNextKey(key: Uint8Array | null): Uint8Array | number {
    const index = key === null ? null : this.index(key);
    if (index === null) return u32le(0);
    return index + 1 >= this.spec.maxEntries ? -ENOENT : u32le(index + 1);
  }

  override entries(): MapEntry[] {
    const out: MapEntry[] = [];
    this.slots.forEach((object, index) => {
      if (object !== null) out.push({ key: u32le(index), value: u32le(object.id) });
    });
    return out;
  }
}
