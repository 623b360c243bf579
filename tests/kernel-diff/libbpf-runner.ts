/**
 * The reference side for corpus programs marked `// loader: libbpf`: kernel/krun.c (built here with
 * gcc against libbpf) loads every program of the object, lets libbpf fill prog_array slots from
 * their initialisers, runs one program with BPF_PROG_TEST_RUN per packet, and reports per run the
 * trace buffer and the ringbuf/perf_event_array records consumed, then every map. This turns that
 * into the `run --json` shape plus the records, which the CLI contract does not carry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapTypeName } from '../../src/bpf/maps';
import type { MapReport, RunResult } from '../../src/bpf/session/report';
import type { MapUpdate } from './corpus';
import { type KernelReport, possibleCpus, sourceMapName } from './kernel-runner';
import type { RunRecords } from './records';
import { TraceInstance, traceMessages } from './trace-instance';

const here = dirname(fileURLToPath(import.meta.url));
const SOURCES = ['krun.c', 'krun-maps.c', 'krun-records.c', 'krun.h'].map((f) => join(here, 'kernel', f));
const ARTIFACTS = join(here, '..', 'artifacts', 'kernel-diff');
const KRUN = join(ARTIFACTS, 'krun');

/** Builds krun unless it is newer than its sources; throws with gcc's message when it cannot. */
function buildKrun(): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const built = existsSync(KRUN) ? statSync(KRUN).mtimeMs : 0;
  if (SOURCES.every((s) => statSync(s).mtimeMs <= built)) return;
  const cFiles = SOURCES.filter((s) => s.endsWith('.c'));
  execFileSync('gcc', ['-O1', '-Wall', '-Werror', '-o', KRUN, ...cFiles, '-lbpf', '-lelf', '-lz'], { stdio: 'pipe' });
}

/** Why krun cannot be used here (no gcc or libbpf-dev), or null. Call after kernelUnavailableReason(). */
export function libbpfUnavailableReason(): string | null {
  try {
    buildKrun();
    return null;
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    return `cannot build tests/kernel-diff/kernel/krun.c with gcc and libbpf-dev: ${stderr || String(e)}`;
  }
}

interface KrunEntry {
  key: string;
  value: string;
  /** prog_array slots: the name of the program whose id the slot holds. */
  program?: string;
  /** array_of_maps/hash_of_maps slots: the name of the inner map whose id the slot holds. */
  map?: string;
}

type KrunRun = ({ retval: number; duration: number; packet: string } | { error: string }) & {
  /** The whole trace buffer after the run; lines of other processes are filtered out here. */
  traceText: string;
  records: RunRecords;
};

interface KrunOutput {
  pid: number;
  loaded: boolean;
  log: string;
  runs?: KrunRun[];
  maps?: { name: string; type: number; entries: KrunEntry[] }[];
}

export interface LibbpfKernelReport extends KernelReport {
  readonly records: readonly RunRecords[];
}

/**
 * Runs `packets` in order through `program` (a function name; undefined = the first program),
 * after storing `updates` in the object's maps as user space.
 */
export function runWithLibbpf(
  objPath: string,
  program: string | undefined,
  packets: readonly Uint8Array[],
  updates: readonly MapUpdate[] = [],
  repeat = 1,
): LibbpfKernelReport {
  buildKrun();
  const cpus = possibleCpus();
  const trace = new TraceInstance('krun');
  try {
    const hex = packets.map((p) => Buffer.from(p).toString('hex'));
    const stores = updates.map((u) => `@${u.map}=${u.key}=${u.value}`);
    const args = [objPath, program ?? '', trace.path, String(repeat), ...stores, ...hex];
    const r = spawnSync(KRUN, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`krun ${objPath} failed (${r.status}): ${r.stderr}`);
    const out = JSON.parse(r.stdout) as KrunOutput;
    if (!out.loaded) {
      const verifier = { accepted: false, error: { insn: -1, message: out.log }, log: out.log };
      return { cpus, verifier, runs: [], maps: {}, records: [] };
    }
    const runs: RunResult[] = (out.runs ?? []).map((run) => {
      if ('error' in run) return { error: run.error };
      const result = { retval: run.retval >>> 0, packet: run.packet, trace: traceMessages(run.traceText, out.pid) };
      return repeat > 1 ? { ...result, duration_ns_avg: run.duration } : result;
    });
    const maps: Record<string, MapReport> = {};
    for (const m of out.maps ?? []) {
      const entries = m.entries.map((e) => ({ key: e.key, value: e.program ?? e.map ?? e.value }));
      maps[sourceMapName(m.name)] = { type: mapTypeName(m.type), entries };
    }
    const records = (out.runs ?? []).map((run) => run.records);
    return { cpus, verifier: { accepted: true, error: null, log: '' }, runs, maps, records };
  } finally {
    trace.remove();
  }
}
