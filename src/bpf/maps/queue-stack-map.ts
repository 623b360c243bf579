/**
 * queue (FIFO) and stack (LIFO): no keys, values pushed and popped. A full map refuses a push
 * with -E2BIG unless the flags say BPF_EXIST, which drops the oldest element to make room —
 * for the stack too. From user space, update = push, lookup = peek, lookup-and-delete = pop.
 * Display order: the order pop would return the elements.
 */
import { BaseMap } from './base-map';
import { E2BIG, EINVAL, ENOENT } from './errno';
import type { MapEntry, MapSpec } from './map';
import { BPF_EXIST, BPF_NOEXIST } from './map-types';

export class QueueStackMap extends BaseMap {
  /** Oldest first. */
  private readonly items: Uint8Array[] = [];

  constructor(
    spec: MapSpec,
    cpus: number,
    private readonly lifo: boolean,
  ) {
    super(spec, cpus);
  }

  override push(value: Uint8Array, flags: bigint): number {
    if ((flags & BPF_NOEXIST) !== 0n || flags > BPF_EXIST) return -EINVAL;
    if (this.items.length >= this.spec.maxEntries) {
      if ((flags & BPF_EXIST) === 0n) return -E2BIG;
      this.items.shift();
    }
    this.items.push(value.slice(0, this.spec.valueSize));
    return 0;
  }

  override pop(out: Uint8Array): number {
    const item = this.lifo ? this.items.pop() : this.items.shift();
    if (item === undefined) return -ENOENT;
    out.set(item);
    return 0;
  }

  override peek(out: Uint8Array): number {
    const item = this.lifo ? this.items[this.items.length - 1] : this.items[0];
    if (item === undefined) return -ENOENT;
    out.set(item);
    return 0;
  }

  override update(_key: Uint8Array, _value: Uint8Array, _flags: bigint, _cpu: number): number {
    return -EINVAL;
  }

  override delete(_key: Uint8Array, _cpu: number): number {
    return -EINVAL;
  }

  override userUpdate(_key: Uint8Array, value: Uint8Array, flags: bigint): number {
    return this.push(value, flags);
  }

  override userLookup(_key: Uint8Array): Uint8Array | number {
    const out = new Uint8Array(this.spec.valueSize);
    const status = this.peek(out);
    return status === 0 ? out : status;
  }

  override getNextKey(_key: Uint8Array | null): Uint8Array | number {
    return -EINVAL;
  }

  get size(): number {
    return this.items.length;
  }

  override entries(): MapEntry[] {
    const order = this.lifo ? [...this.items].reverse() : this.items;
    return order.map((value) => ({ key: new Uint8Array(0), value: value.slice() }));
  }
}
