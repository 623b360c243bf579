/**
 * Kernel report vs ours, as a list of readable differences (empty = identical). What is compared:
 * the verifier's verdict; per run the retval, the whole packet out and the trace messages, or for a
 * refused run the errno name (the kernel's text comes from bpftool's strerror, ours explains more);
 * and every map's type and entries. Hash-like maps are compared as sets because the kernel
 * iterates them in bucket order; arrays, LPM tries, queues and stacks in their order.
 */
import type { MapReport, RunReport, RunResult } from '../../src/bpf/session/report';
import type { RunRecords } from './records';

const UNORDERED = new Set(['hash', 'percpu_hash', 'lru_hash', 'lru_percpu_hash']);

const errnoOf = (error: string): string => /^([A-Z0-9]+):/.exec(error)?.[1] ?? error;

function firstDiff(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Where two hex strings part: the byte offset and a window of bytes around it on each side. */
function hexDiff(kernel: string, ours: string): string {
  const byte = Math.floor(firstDiff(kernel, ours) / 2);
  const from = Math.max(0, byte - 4) * 2;
  const window = (s: string) => `${from > 0 ? '…' : ''}${s.slice(from, from + 32)}${s.length > from + 32 ? '…' : ''}`;
  return `first difference at byte ${byte} (lengths ${kernel.length / 2} vs ${ours.length / 2})\n      kernel ${window(kernel)}\n      ours   ${window(ours)}`;
}

function diffRun(label: string, k: RunResult, o: RunResult | undefined, out: string[]): void {
  if (o === undefined) return void out.push(`${label}: missing on our side`);
  if ('error' in k || 'error' in o) {
    if ('error' in k && 'error' in o) {
      if (errnoOf(k.error) !== errnoOf(o.error)) out.push(`${label}: kernel error "${k.error}", ours "${o.error}"`);
    } else
      out.push(
        `${label}: kernel ${'error' in k ? `error "${k.error}"` : `retval ${k.retval}`}, ours ${'error' in o ? `error "${o.error}"` : `retval ${o.retval}`}`,
      );
    return;
  }
  if (k.retval !== o.retval) out.push(`${label}: retval kernel ${k.retval}, ours ${o.retval}`);
  if (k.packet !== o.packet) out.push(`${label}: packet out differs, ${hexDiff(k.packet, o.packet)}`);
  const lines = Math.max(k.trace.length, o.trace.length);
  for (let i = 0; i < lines; i++) {
    if (k.trace[i] !== o.trace[i])
      out.push(
        `${label}: trace line ${i + 1}: kernel ${JSON.stringify(k.trace[i] ?? null)}, ours ${JSON.stringify(o.trace[i] ?? null)}`,
      );
  }
}

function diffMap(name: string, k: MapReport, o: MapReport, out: string[]): void {
  if (k.type !== o.type) return void out.push(`map ${name}: type kernel ${k.type}, ours ${o.type}`);
  const sorted = (m: MapReport) =>
    UNORDERED.has(m.type) ? [...m.entries].sort((a, b) => a.key.localeCompare(b.key)) : m.entries;
  const ke = sorted(k);
  const oe = sorted(o);
  if (ke.length !== oe.length) {
    const keys = (es: typeof ke) => es.map((e) => e.key || '-').join(' ');
    out.push(
      `map ${name}: ${ke.length} entries in the kernel, ${oe.length} in ours\n      kernel keys ${keys(ke)}\n      ours   keys ${keys(oe)}`,
    );
    return;
  }
  ke.forEach((e, i) => {
    const mine = oe[i]!;
    if (e.key !== mine.key) out.push(`map ${name}: entry ${i}: key kernel ${e.key}, ours ${mine.key}`);
    else if (e.value !== mine.value)
      out.push(`map ${name}: key ${e.key || '-'}: value ${hexDiff(e.value, mine.value)}`);
  });
}

export function diffReports(kernel: RunReport, ours: RunReport, packetNames: readonly string[]): string[] {
  const out: string[] = [];
  if (kernel.verifier.accepted !== ours.verifier.accepted) {
    const why = (r: RunReport) =>
      r.verifier.accepted ? 'accepted' : `rejected (${r.verifier.error?.message ?? r.verifier.log})`;
    out.push(`verifier: kernel ${why(kernel)}, ours ${why(ours)}`);
    return out;
  }
  kernel.runs.forEach((k, i) => diffRun(`run ${i + 1} (${packetNames[i] ?? '?'})`, k, ours.runs[i], out));
  if (ours.runs.length > kernel.runs.length)
    out.push(`${ours.runs.length - kernel.runs.length} extra runs on our side`);
  for (const name of new Set([...Object.keys(kernel.maps), ...Object.keys(ours.maps)])) {
    const k = kernel.maps[name];
    const o = ours.maps[name];
    if (!k || !o) out.push(`map ${name}: only ${k ? 'in the kernel' : 'on our side'}`);
    else diffMap(name, k, o, out);
  }
  return out;
}

/** Ringbuf/perf records of each run, in consumption order, compared byte for byte. */
export function diffRecords(
  kernel: readonly RunRecords[],
  ours: readonly RunRecords[],
  packetNames: readonly string[],
): string[] {
  const out: string[] = [];
  kernel.forEach((k, run) => {
    const o = ours[run] ?? [];
    const label = `run ${run + 1} (${packetNames[run] ?? '?'})`;
    if (k.length !== o.length) out.push(`${label}: ${k.length} records in the kernel, ${o.length} in ours`);
    k.forEach((record, i) => {
      const mine = o[i];
      if (mine === undefined) return;
      if (record.map !== mine.map) out.push(`${label}: record ${i + 1} from map ${record.map}, ours from ${mine.map}`);
      else if (record.data !== mine.data)
        out.push(`${label}: record ${i + 1} of ${record.map}: ${hexDiff(record.data, mine.data)}`);
    });
  });
  return out;
}
