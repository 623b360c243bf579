/**
 * The reference side of the differential test: compiles a corpus program with native clang-19,
 * loads it with bpftool, runs each packet with BPF_PROG_TEST_RUN (`bpftool prog run`), collects the
 * bpf_trace_printk lines of each run from a private tracefs instance and dumps every map of the
 * program. The result has exactly the `run --json` shape (src/bpf/session/report.ts).
 *
 * Runs are pinned to CPU 0 (taskset) so per-CPU map values land where our VM (cpu 0) puts them.
 * Node-only; callers check kernelUnavailableReason() first and skip loudly.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MapReport, RunReport, RunResult } from '../../src/bpf/session/report';
import { CORPUS_DIR, type CorpusProgram } from './corpus';
import { TraceInstance } from './trace-instance';

const PIN_ROOT = '/sys/fs/bpf';
/**
 * Test files may run in worker threads of one process, so names made here carry a tag of this
 * module instance as well as the pid: one file's cleanup must not remove another's files or pins.
 */
export const RUN_TAG = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
export const WORK_DIR = join(tmpdir(), `ebpf-pg-kdiff-${RUN_TAG}`);
let counter = 0;

const works = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

/** Why the kernel side cannot run here, or null when it can. */
export function kernelUnavailableReason(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root (BPF_PROG_TEST_RUN needs CAP_BPF/CAP_SYS_ADMIN)';
  for (const [cmd, arg] of [
    ['clang-19', '--version'],
    ['bpftool', 'version'],
    ['taskset', '--version'],
  ] as const)
    if (!works(cmd, [arg])) return `${cmd} not installed`;
  if (!existsSync(PIN_ROOT)) return `${PIN_ROOT} (bpffs) not mounted`;
  const probe = spawnSync('bpftool', ['-j', 'prog', 'show'], { encoding: 'utf8' });
  if (probe.status !== 0) return `bpf() unavailable: ${probe.stderr.trim()}`;
  return null;
}

/** Possible CPUs, the number of per-CPU value copies the kernel keeps (and bpftool dumps). */
export function possibleCpus(): number {
  const text = readFileSync('/sys/devices/system/cpu/possible', 'utf8').trim();
  return text.split(',').reduce((n, part) => {
    const [a, b] = part.split('-').map(Number);
    return n + (b === undefined ? 1 : b - a! + 1);
  }, 0);
}

/** clang-19 -O2 -g -target bpf -mcpu=... against Debian's UAPI and libbpf headers. */
export function compileCorpusProgram(prog: CorpusProgram): string {
  mkdirSync(WORK_DIR, { recursive: true });
  const out = join(WORK_DIR, `${prog.name}.o`);
  const arch = execFileSync('uname', ['-m']).toString().trim();
  const args = ['-O2', '-g', '-target', 'bpf', `-mcpu=${prog.mcpu}`, `-I/usr/include/${arch}-linux-gnu`];
  execFileSync('clang-19', [...args, `-I${CORPUS_DIR}`, '-c', prog.path, '-o', out], { stdio: 'pipe' });
  return out;
}

function bpftool(args: string[], taskset = false): { ok: boolean; json: unknown; stderr: string; pid: number } {
  const [cmd, argv] = taskset ? ['taskset', ['-c', '0', 'bpftool', '-j', ...args]] : ['bpftool', ['-j', ...args]];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  let json: unknown = null;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = null;
  }
  return { ok: r.status === 0, json, stderr: r.stderr, pid: r.pid ?? -1 };
}

const errorText = (r: { json: unknown; stderr: string }): string =>
  ((r.json as { error?: string } | null)?.error ?? r.stderr).trim();

/** "Invalid argument" -> "EINVAL": bpftool prints strerror text; the contract wants the errno name. */
const ERRNO_NAMES: Record<string, string> = {
  'Invalid argument': 'EINVAL',
  'No space left on device': 'ENOSPC',
  'Operation not permitted': 'EPERM',
  'Permission denied': 'EACCES',
  'Bad address': 'EFAULT',
  'Operation not supported': 'EOPNOTSUPP',
  'Argument list too long': 'E2BIG',
};

function runError(message: string): string {
  const known = Object.keys(ERRNO_NAMES).find((text) => message.includes(text));
  return `${known ? ERRNO_NAMES[known] : 'ERROR'}: ${message}`;
}

interface RawEntry {
  key?: string[];
  value?: string[];
  values?: { cpu: number; value: string[] }[];
}

const hexOf = (bytes: string[] | undefined): string => (bytes ?? []).map((b) => b.replace(/^0x/, '')).join('');

/** Per-CPU values as the syscall returns them: each CPU's copy padded to 8 bytes, CPU 0 first. */
function valueHex(entry: RawEntry): string {
  if (entry.values === undefined) return hexOf(entry.value);
  return [...entry.values]
    .sort((a, b) => a.cpu - b.cpu)
    .map((v) => {
      const hex = hexOf(v.value);
      return hex.padEnd(Math.ceil(hex.length / 16) * 16, '0');
    })
    .join('');
}

/** Source name of a kernel map name: global data maps are "<obj prefix>.bss" -> ".bss". */
export const sourceMapName = (kernelName: string): string => {
  const dot = kernelName.indexOf('.');
  return dot < 0 ? kernelName : kernelName.slice(dot);
};

function dumpMap(id: number, type: string): MapReport['entries'] {
  if (type === 'queue' || type === 'stack') {
    // No iteration for these: pop until empty (the program is done with them).
    const entries: { key: string; value: string }[] = [];
    for (let i = 0; i < 100_000; i++) {
      const r = bpftool(['map', 'pop', 'id', String(id)]);
      if (!r.ok) break;
      entries.push({ key: '', value: hexOf((r.json as RawEntry).value) });
    }
    return entries;
  }
  const r = bpftool(['map', 'dump', 'id', String(id)]);
  if (!r.ok) throw new Error(`bpftool map dump id ${id}: ${errorText(r)}`);
  return (r.json as RawEntry[]).map((e) => ({ key: hexOf(e.key), value: valueHex(e) }));
}

function dumpMaps(mapIds: readonly number[]): Record<string, MapReport> {
  const maps: Record<string, MapReport> = {};
  for (const id of mapIds) {
    const show = bpftool(['map', 'show', 'id', String(id)]);
    if (!show.ok) throw new Error(`bpftool map show id ${id}: ${errorText(show)}`);
    const info = show.json as { name: string; type: string };
    maps[sourceMapName(info.name)] = { type: info.type, entries: dumpMap(id, info.type) };
  }
  return maps;
}

export interface KernelReport extends RunReport {
  /** Possible CPUs of this machine: per-CPU values hold this many copies. */
  readonly cpus: number;
}

/**
 * Loads the object (its first program, which is the corpus convention), runs every packet in order
 * and dumps the maps. `repeat` > 1 adds duration_ns_avg to each run.
 */
export function runInKernel(objPath: string, packets: readonly Uint8Array[], repeat = 1): KernelReport {
  const pin = join(PIN_ROOT, `ebpf_pg_kdiff_${RUN_TAG.replace('-', '_')}_${counter++}`);
  const cpus = possibleCpus();
  const load = bpftool(['prog', 'load', objPath, pin]);
  if (!load.ok) {
    const log = errorText(load);
    return { cpus, verifier: { accepted: false, error: { insn: -1, message: log }, log }, runs: [], maps: {} };
  }
  const trace = new TraceInstance('kdiff');
  try {
    const show = bpftool(['prog', 'show', 'pinned', pin]);
    const mapIds = (show.json as { map_ids?: number[] } | null)?.map_ids ?? [];
    const runs = packets.map((packet, i) => runOne(pin, packet, i, repeat, trace));
    return { cpus, verifier: { accepted: true, error: null, log: '' }, runs, maps: dumpMaps(mapIds) };
  } finally {
    trace.remove();
    rmSync(pin, { force: true });
  }
}

function runOne(pin: string, packet: Uint8Array, index: number, repeat: number, trace: TraceInstance): RunResult {
  const input = join(WORK_DIR, `in-${index}.bin`);
  const output = join(WORK_DIR, `out-${index}.bin`);
  writeFileSync(input, packet);
  rmSync(output, { force: true });
  trace.clear();
  const args = ['prog', 'run', 'pinned', pin, 'data_in', input, 'data_out', output, 'data_size_out', '4096'];
  const r = bpftool([...args, 'repeat', String(repeat)], true);
  if (!r.ok) return { error: runError(errorText(r)) };
  const json = r.json as { retval: number; duration: number };
  const out = existsSync(output) ? readFileSync(output) : Buffer.alloc(0);
  const result = { retval: json.retval >>> 0, packet: out.toString('hex'), trace: trace.messages(r.pid) };
  return repeat > 1 ? { ...result, duration_ns_avg: json.duration } : result;
}
