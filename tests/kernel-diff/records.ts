/**
 * Programs loaded with libbpf (`// loader: libbpf`) may write ring buffer and perf event records,
 * which the `run --json` contract does not carry, and user space consuming them between runs
 * changes what later runs see (a full ring). So our side of those programs runs in a session set
 * up exactly as the CLI's `run` sets it up, with krun's consumers: perf events opened on every CPU
 * (what libbpf's perf_buffer does before a program can output) and every ringbuf/perf_event_array
 * drained after each run, map by map in object order.
 */
import { PerfEventArrayMap, RingBufMap, toHex, writeEntry } from '../../src/bpf/maps';
import type { BpfObject } from '../../src/bpf/object';
import { createSession, type MapReport, type RunReport, type Session } from '../../src/bpf/session';
import type { CorpusProgram } from './corpus';

export type RunRecords = readonly { readonly map: string; readonly data: string }[];

export interface ReportWithRecords {
  readonly report: RunReport;
  /** Per run, the records consumed after it. */
  readonly records: readonly RunRecords[];
}

/** Our report of the packets run in order through the program, and the records each run produced. */
export function runOursWithConsumers(
  object: BpfObject,
  prog: Pick<CorpusProgram, 'program' | 'packets' | 'updates'>,
  cpus: number,
): ReportWithRecords {
  const options = { ...(prog.program ? { programName: prog.program } : {}), cpus, privileged: true, seed: 1 };
  const session = createSession(object, options);
  for (const { map } of session.maps) if (map instanceof PerfEventArrayMap) map.openPerCpu();
  for (const u of prog.updates) {
    const map = session.maps.find((m) => m.name === u.map)?.map;
    if (map === undefined) throw new Error(`update: no map named ${u.map}`);
    const result = writeEntry(map, u.key, u.value);
    if (!result.ok) throw new Error(`update of ${u.map}: ${result.message}`);
  }
  const records: RunRecords[] = [];
  const runs = prog.packets.map((packet) => {
    const result = session.run(packet);
    records.push(
      session.maps.flatMap(({ name, map }) => {
        if (map instanceof RingBufMap) return map.consume().map((data) => ({ map: name, data: toHex(data) }));
        if (map instanceof PerfEventArrayMap) return map.drain().map((r) => ({ map: name, data: toHex(r.data) }));
        return [];
      }),
    );
    return result;
  });
  const report = { verifier: session.verifier, runs, maps: session.dumpMaps() };
  return { report: withObjectNames(report, object, session), records };
}

/**
 * A report with prog_array and map-in-map values as program and map names, as krun prints the
 * kernel's: a slot holds an id, which differs between the kernel and us (sessions number the
 * object's programs from 1; maps have the simulator's ids).
 */
export function withObjectNames(report: RunReport, object: BpfObject, session: Session): RunReport {
  const id = (hex: string) => Buffer.from(hex, 'hex').readUInt32LE(0);
  const programName = (hex: string) => object.programs[id(hex) - 1]?.name ?? '?';
  const mapName = (hex: string) => session.maps.find((m) => m.map.id === id(hex))?.name ?? '?';
  const maps: Record<string, MapReport> = {};
  for (const [name, map] of Object.entries(report.maps)) {
    const nameOf = map.type === 'prog_array' ? programName : MAP_IN_MAP.has(map.type) ? mapName : null;
    maps[name] = nameOf ? { ...map, entries: map.entries.map((e) => ({ key: e.key, value: nameOf(e.value) })) } : map;
  }
  return { ...report, maps };
}

const MAP_IN_MAP = new Set(['array_of_maps', 'hash_of_maps']);
