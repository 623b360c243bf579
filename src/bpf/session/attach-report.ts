/**
 * The report of an attach run (`run PROG --attach ... --json`): the packet-run contract of
 * report.ts with one run per firing, each carrying a short "context" summary of the kernel event
 * that fired it. Non-packet firings (kprobes, tracepoints) report an empty packet.
 */
import { formatTraceLine } from '../helpers';
import type { Firing } from '../kernel';
import { formatRecord, type OutputRecord } from './attach-records';
import type { MapReport, RunFailure, RunSuccess, VerifierReport } from './report';

export type AttachRunResult = (RunSuccess | RunFailure) & {
  /** "kprobe:__x64_sys_socket curl (pid 1201) __x64_sys_socket AF_INET type=1 proto=6" */
  readonly context: string;
  /** Perf and ring buffer records the firing sent to user space; present only when there are some. */
  readonly records?: readonly OutputRecord[];
};

export interface AttachReport {
  readonly verifier: VerifierReport;
  readonly runs: readonly AttachRunResult[];
  readonly maps: Readonly<Record<string, MapReport>>;
}

/** One firing as played: the run plus what the text output needs (who, when, which program). */
export interface AttachedRun {
  readonly run: AttachRunResult;
  readonly firing: Firing;
  readonly program: string;
}

/** The irq/preempt columns trace_pipe shows for each kind of attach point (cosmetic but familiar). */
const FLAGS = { kprobe: 'd..31', kretprobe: 'd..31', tracepoint: '...21', raw_tracepoint: '...21', xdp: '..s21' };

/** The trace_pipe lines of one played firing, as `cat trace_pipe` (and BCC's trace_print) show them. */
export function traceLines(played: AttachedRun): string[] {
  if ('error' in played.run) return [];
  const { firing } = played;
  const info = {
    // trace_pipe names the idle task <idle>, whatever its comm.
    task: firing.task.pid === 0 ? '<idle>' : firing.task.comm,
    pid: firing.task.pid,
    cpu: firing.cpu,
    timestampNs: firing.time,
    flags: FLAGS[firing.attachment.type],
  };
  return played.run.trace.map((message) => formatTraceLine(info, message).replace(/\n$/, ''));
}

/** How a record is shown: by default one line (formatRecord); a BCC script's callback may print others. */
export type RecordPrinter = (record: OutputRecord) => string[];

/** The perf/ring buffer records of one played firing as text. */
export function recordLines(played: AttachedRun, print: RecordPrinter = (r) => [formatRecord(r)]): string[] {
  return (played.run.records ?? []).flatMap(print);
}

/** The text output of an attach run: trace_pipe lines, faults in place, then the maps. */
export function formatAttachRun(
  verifier: VerifierReport,
  played: readonly AttachedRun[],
  maps: Readonly<Record<string, MapReport>>,
  printRecord?: RecordPrinter,
): string {
  const lines: string[] = [];
  lines.push(verifier.accepted ? 'verifier: accepted' : `verifier: REJECTED at insn ${verifier.error?.insn}: ${verifier.error?.message}`); // prettier-ignore
  if (!verifier.accepted) return lines.join('\n');
  const traced = played.filter((p) => !('error' in p.run) && p.run.trace.length > 0).length;
  const recorded = played.reduce((n, p) => n + (p.run.records?.length ?? 0), 0);
  lines.push(`${played.length} firings, ${traced} with trace output${recorded > 0 ? `, ${recorded} buffer records` : ''}`, ''); // prettier-ignore
  for (const p of played) {
    if ('error' in p.run) lines.push(`error in ${p.program} at ${p.run.context}: ${p.run.error}`);
    else lines.push(...traceLines(p), ...recordLines(p, printRecord));
  }
  // Read-only data (format strings, constants) is not state worth showing.
  const entries = Object.entries(maps).filter(([name]) => !name.startsWith('.rodata'));
  if (entries.length > 0) lines.push('', 'maps:');
  for (const [name, map] of entries) {
    lines.push(`  ${name} (${map.type}, ${map.entries.length} entries)`);
    // Arrays list every slot; the zero ones are the rule (histograms, counters) and only hide the rest.
    const shown = map.type.includes('array') ? map.entries.filter((e) => /[^0]/.test(e.value)) : map.entries;
    for (const e of shown) lines.push(`    ${e.key === '' ? '-' : e.key} => ${e.value}`);
    if (shown.length < map.entries.length)
      lines.push(`    (${map.entries.length - shown.length} zero entries not shown)`);
  }
  return lines.join('\n');
}
