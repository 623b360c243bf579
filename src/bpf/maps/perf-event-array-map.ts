/**
 * perf_event_array: each slot holds a (simulated) perf event bound to one CPU, and
 * bpf_perf_event_output appends a record to the event in the slot the flags select.
 * User space "opens" events with openPerCpu() (what libbpf's perf_buffer does: slot i = CPU i)
 * or stores one with userUpdate(index, cpu) — the simulated fd of an event is its CPU number.
 * drain() is the consumer.
 */
import { E2BIG, EINVAL, ENOENT, ENOTSUPP, EOPNOTSUPP } from './errno';
import { FdArrayMap, type FdObject } from './fd-array-map';
import type { MapEntry, MapSpec } from './map';
import { u32le } from './bytes';

export const BPF_F_INDEX_MASK = 0xffffffffn;
export const BPF_F_CURRENT_CPU = BPF_F_INDEX_MASK;
export const BPF_F_CTXLEN_MASK = 0xfffffn << 32n;

export interface PerfEvent extends FdObject {
  readonly cpu: number;
  readonly records: Uint8Array[];
}

export interface PerfRecord {
  readonly cpu: number;
  readonly data: Uint8Array;
}

let nextEventId = 1;

function openEvent(cpu: number): PerfEvent {
  return { id: nextEventId++, cpu, records: [] };
}

export class PerfEventArrayMap extends FdArrayMap<PerfEvent> {
  constructor(spec: MapSpec, cpus: number) {
    super(spec, cpus, (cpu) => (cpu < cpus ? openEvent(cpu) : null));
  }

  /** One event per CPU in slots 0..cpus-1 (capped at max_entries). */
  openPerCpu(): void {
    for (let cpu = 0; cpu < Math.min(this.cpus, this.spec.maxEntries); cpu++) this.set(u32le(cpu), openEvent(cpu));
  }

  /** Checks the helper flags and appends `data`; returns 0 or the kernel's -errno. */
  output(flags: bigint, cpu: number, data: Uint8Array): number {
    if ((flags & ~(BPF_F_INDEX_MASK | BPF_F_CTXLEN_MASK)) !== 0n) return -EINVAL;
    const selected = flags & BPF_F_INDEX_MASK;
    const index = selected === BPF_F_CURRENT_CPU ? cpu : Number(selected);
    if (index >= this.spec.maxEntries) return -E2BIG;
    const event = this.get(index);
    if (event === null) return -ENOENT;
    if (event.cpu !== cpu) return -EOPNOTSUPP;
    // A raw perf sample is a u32 size and the data, padded with zeroes to 8 bytes: the consumer
    // gets the padding as part of the record (measured in tests/kernel-diff, xdp_perf_output).
    const padded = new Uint8Array(((data.length + 4 + 7) & ~7) - 4);
    padded.set(data);
    event.records.push(padded);
    return 0;
  }

  /** User space cannot read the slots back: the kernel answers ENOTSUPP (524). */
  override userLookup(_key: Uint8Array): number {
    return -ENOTSUPP;
  }

  /** Nothing to list, as lookups fail (dumps show no entries; records come from drain()). */
  override entries(): MapEntry[] {
    return [];
  }

  /** Every record written so far, by slot then in order; the events are emptied. */
  drain(): PerfRecord[] {
    const out: PerfRecord[] = [];
    for (let index = 0; index < this.spec.maxEntries; index++) {
      const event = this.get(index);
      if (event === null) continue;
      for (const data of event.records) out.push({ cpu: event.cpu, data });
      event.records.length = 0;
    }
    return out;
  }
}
