/**
 * Perf and ring buffer records of attach runs: what bpf_perf_event_output and bpf_ringbuf_output
 * (BCC's .perf_submit and .ringbuf_output) sent to user space during one firing, drained right
 * after the firing as a reader polling the buffers would see them.
 *
 * A record's C type is known when the object's BTF has a function `__bcc_record_MAP(TYPE *)`:
 * the BCC rewrite adds one for each buffer it sees written (user space decodes records with that
 * type, as BCC's `b["events"].event(data)` does). Then the record also carries its decoded value.
 */
import { PerfEventArrayMap, RingBufMap, toHex, type BpfMap } from '../maps';
import { btfToJson, type BpfObject, type JsonValue } from '../object';

export interface OutputRecord {
  /** The perf event array or ring buffer map. */
  readonly map: string;
  /** The CPU whose buffer got it (ring buffers are shared: the CPU the program ran on). */
  readonly cpu: number;
  /** The record's bytes, lowercase hex. */
  readonly data: string;
  /** The record decoded with its C type, when the type is known. */
  readonly value?: JsonValue;
}

/** The BTF prefix of the record type anchors (see the file comment). */
export const RECORD_ANCHOR_PREFIX = '__bcc_record_';

/** Map name → BTF type id of its records, from the anchors in the object's BTF. */
export function recordTypes(object: BpfObject): Map<string, number> {
  const out = new Map<string, number>();
  const btf = object.btf;
  if (btf === null) return out;
  for (const t of btf.types) {
    if (t.kind !== 'func' || !t.name.startsWith(RECORD_ANCHOR_PREFIX)) continue;
    const proto = btf.type(t.type);
    const param = proto.kind === 'func_proto' ? proto.params[0] : undefined;
    const pointer = param === undefined ? undefined : btf.type(param.type);
    if (pointer?.kind === 'ptr') out.set(t.name.slice(RECORD_ANCHOR_PREFIX.length), pointer.type);
  }
  return out;
}

/** Drains every perf event array and ring buffer of the session after a firing on `cpu`. */
export function drainRecords(
  object: BpfObject,
  maps: readonly { readonly name: string; readonly map: BpfMap }[],
  types: ReadonlyMap<string, number>,
  cpu: number,
): OutputRecord[] {
  const out: OutputRecord[] = [];
  const record = (map: string, onCpu: number, bytes: Uint8Array): OutputRecord => {
    const type = types.get(map);
    const value = type === undefined || object.btf === null ? undefined : btfToJson(object.btf, type, bytes);
    return { map, cpu: onCpu, data: toHex(bytes), ...(value === undefined ? {} : { value }) };
  };
  for (const { name, map } of maps) {
    if (map instanceof PerfEventArrayMap) for (const r of map.drain()) out.push(record(name, r.cpu, r.data));
    else if (map instanceof RingBufMap) for (const bytes of map.consume()) out.push(record(name, cpu, bytes));
  }
  return out;
}

/** A record as one line of text: `events: pid=1201 comm="curl"`, or its hex when the type is unknown. */
export function formatRecord(r: OutputRecord): string {
  const v = r.value;
  if (v === undefined) return `${r.map}: ${r.data}`;
  if (v !== null && typeof v === 'object' && !Array.isArray(v))
    return `${r.map}: ${Object.entries(v)
      .map(([k, x]) => `${k}=${JSON.stringify(x)}`)
      .join(' ')}`;
  return `${r.map}: ${JSON.stringify(v)}`;
}
