/**
 * Defaults shared by all map types: an operation a type does not support answers with the
 * errno the kernel uses for most such cases, and the common bookkeeping (id, strides) lives here.
 */
import { EINVAL, ENOTSUPP, EOPNOTSUPP } from './errno';
import type { BpfMap, MapEntry, MapSpec } from './map';
import { mapTypeName } from './map-types';
import { roundUp8 } from './bytes';

let nextMapId = 1;

export abstract class BaseMap implements BpfMap {
  readonly typeName: string;
  readonly id: number;
  readonly values: Uint8Array = new Uint8Array(0);
  /** Distance between consecutive values (and CPU copies): the kernel rounds values to 8 bytes. */
  readonly stride: number;

  constructor(
    readonly spec: MapSpec,
    readonly cpus: number,
  ) {
    this.typeName = mapTypeName(spec.type);
    this.id = nextMapId++;
    this.stride = roundUp8(spec.valueSize);
  }

  get userValueSize(): number {
    return this.spec.valueSize;
  }

  lookup(_key: Uint8Array, _cpu: number): number | null {
    return null;
  }
  update(_key: Uint8Array, _value: Uint8Array, _flags: bigint, _cpu: number): number {
    return -ENOTSUPP;
  }
  delete(_key: Uint8Array, _cpu: number): number {
    return -ENOTSUPP;
  }
  push(_value: Uint8Array, _flags: bigint): number {
    return -ENOTSUPP;
  }
  pop(_out: Uint8Array): number {
    return -ENOTSUPP;
  }
  peek(_out: Uint8Array): number {
    return -ENOTSUPP;
  }
  userLookup(_key: Uint8Array): Uint8Array | number {
    return -ENOTSUPP;
  }
  userUpdate(key: Uint8Array, value: Uint8Array, flags: bigint): number {
    return this.update(key, value, flags, 0);
  }
  userDelete(key: Uint8Array): number {
    return this.delete(key, 0);
  }
  getNextKey(_key: Uint8Array | null): Uint8Array | number {
    return -EOPNOTSUPP;
  }
  abstract entries(): MapEntry[];

  /**
   * Copies a value into storage the way copy_map_value does: a struct bpf_spin_lock inside the
   * value is never overwritten by updates (it belongs to the lock, not to the data).
   */
  protected copyValueIn(dst: Uint8Array, dstOffset: number, src: Uint8Array): void {
    const size = this.spec.valueSize;
    const lock = this.spec.spinLockOffset;
    if (lock === undefined) {
      dst.set(src.subarray(0, size), dstOffset);
      return;
    }
    dst.set(src.subarray(0, lock), dstOffset);
    dst.set(src.subarray(lock + 4, size), dstOffset + lock + 4);
  }

  /** Reads a value out for user space; the spin lock word reads as zero like the kernel's. */
  protected copyValueOut(src: Uint8Array, srcOffset: number, out: Uint8Array, outOffset: number): void {
    out.set(src.subarray(srcOffset, srcOffset + this.spec.valueSize), outOffset);
    const lock = this.spec.spinLockOffset;
    if (lock !== undefined) out.fill(0, outOffset + lock, outOffset + lock + 4);
  }

  /**
   * Flag checks common to hash and array updates: only ANY/NOEXIST/EXIST plus F_LOCK, and
   * F_LOCK only when the value holds a bpf_spin_lock. Returns 0 or -EINVAL.
   */
  protected checkUpdateFlags(flags: bigint): number {
    if ((flags & ~4n) > 2n) return -EINVAL;
    if ((flags & 4n) !== 0n && this.spec.spinLockOffset === undefined) return -EINVAL;
    return 0;
  }
}
