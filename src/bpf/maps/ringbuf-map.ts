/**
 * ringbuf: a power-of-two byte ring of records, each an 8-byte header (u32 length with BUSY
 * and DISCARD bits, u32 page offset) followed by the data, padded to 8 bytes. Programs reserve
 * a record (a pointer into `values`), fill it and submit or discard it; user space consumes
 * committed records in order, stopping at the first still-busy one, as libbpf's consumer does.
 *
 * `values` is twice the ring size: like the kernel's double mapping of the data pages, a record
 * that wraps past the end stays contiguous for the program (and the consumer reads it there).
 */
import { BaseMap } from './base-map';
import { EAGAIN, EINVAL } from './errno';
import type { MapEntry, MapSpec } from './map';

const HEADER = 8;
const BUSY = 0x80000000;
const DISCARD = 0x40000000;
export const BPF_RB_NO_WAKEUP = 1n;
export const BPF_RB_FORCE_WAKEUP = 2n;
/** bpf_ringbuf_query flags. */
export const BPF_RB_AVAIL_DATA = 0n;
export const BPF_RB_RING_SIZE = 1n;
export const BPF_RB_CONS_POS = 2n;
export const BPF_RB_PROD_POS = 3n;

export class RingBufMap extends BaseMap {
  override readonly values: Uint8Array;
  private readonly size: number;
  private producer = 0;
  private consumer = 0;
  /** Positions of reserved records not yet submitted or discarded, oldest first. */
  private readonly pending: number[] = [];
  private readonly view: DataView;

  constructor(spec: MapSpec, cpus: number) {
    super(spec, cpus);
    this.size = spec.maxEntries;
    this.values = new Uint8Array(this.size * 2);
    this.view = new DataView(this.values.buffer);
  }

  /** Offset (in `values`) of the data of a new record, or null when it does not fit. */
  reserve(size: number): number | null {
    const length = (size + HEADER + 7) & ~7;
    if (size < 0 || length > this.size) return null;
    const oldest = this.pending[0] ?? this.producer;
    const end = this.producer + length;
    if (end - this.consumer > this.size - 1 || end - oldest > this.size - 1) return null;
    const at = this.producer & (this.size - 1);
    this.view.setUint32(at, (size | BUSY) >>> 0, true);
    this.view.setUint32(at + 4, 0, true);
    this.pending.push(this.producer);
    this.producer = end;
    return at + HEADER;
  }

  /** Commits (or discards) the record whose data starts at `dataOffset`. False if there is none. */
  commit(dataOffset: number, discard: boolean): boolean {
    const at = dataOffset - HEADER;
    const index = this.pending.findIndex((pos) => (pos & (this.size - 1)) === at);
    if (index < 0) return false;
    this.pending.splice(index, 1);
    const length = this.view.getUint32(at, true) & ~(BUSY | DISCARD);
    this.view.setUint32(at, (length | (discard ? DISCARD : 0)) >>> 0, true);
    return true;
  }

  /** bpf_ringbuf_output: reserve + copy + submit. */
  output(data: Uint8Array, flags: bigint): number {
    if ((flags & ~(BPF_RB_NO_WAKEUP | BPF_RB_FORCE_WAKEUP)) !== 0n) return -EINVAL;
    const at = this.reserve(data.length);
    if (at === null) return -EAGAIN;
    this.values.set(data, at);
    this.commit(at, false);
    return 0;
  }

  query(flag: bigint): bigint {
    switch (flag) {
      case BPF_RB_AVAIL_DATA:
        return BigInt(this.producer - this.consumer);
      case BPF_RB_RING_SIZE:
        return BigInt(this.size);
      case BPF_RB_CONS_POS:
        return BigInt(this.consumer);
      case BPF_RB_PROD_POS:
        return BigInt(this.producer);
      default:
        return 0n;
    }
  }

  /** The consumer: data of every committed, non-discarded record, oldest first. */
  consume(): Uint8Array[] {
    const out: Uint8Array[] = [];
    while (this.consumer < this.producer) {
      const at = this.consumer & (this.size - 1);
      const header = this.view.getUint32(at, true);
      if ((header & BUSY) !== 0) break;
      const length = header & ~(BUSY | DISCARD);
      if ((header & DISCARD) === 0) out.push(this.values.slice(at + HEADER, at + HEADER + length));
      this.consumer += (length + HEADER + 7) & ~7;
    }
    return out;
  }

  /** Records are read with consume(), not listed as entries. */
  override entries(): MapEntry[] {
    return [];
  }
}
