/**
 * The real kernel as the reference verifier: builds the `kload` helper (libbpf + gcc) once and runs it
 * on compiled objects. Everything here needs root and a working bpf(); `kernelStatus()` says whether
 * that is the case and why not, so suites can skip loudly.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UNPRIV_SYSCTL, withUnprivilegedBpf } from './unprivileged';

const here = dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = join(here, '..', '..', 'artifacts', 'verifier');
const KLOAD_SRC = join(here, '..', 'kernel', 'kload.c');
const KLOAD_BIN = join(ARTIFACTS, 'kload');

export interface KernelMap {
  fd: number;
  internal: boolean;
  name: string;
  type: number;
  keySize: number;
  valueSize: number;
  maxEntries: number;
  flags: number;
}

export interface KernelResult {
  loaded: boolean;
  err: number;
  progType: number;
  name: string;
  log: string;
  /** The instructions exactly as submitted to bpf(), hex-encoded 8 bytes per slot. */
  insns: string;
  maps: KernelMap[];
}

function buildKload(): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (existsSync(KLOAD_BIN) && statSync(KLOAD_BIN).mtimeMs >= statSync(KLOAD_SRC).mtimeMs) return;
  execFileSync('gcc', ['-O1', '-Wall', '-o', KLOAD_BIN, KLOAD_SRC, '-lbpf', '-lelf', '-lz'], { stdio: 'pipe' });
}

let status: { ok: true } | { ok: false; reason: string } | null = null;

/** Whether the kernel reference can be used here; the reason names what is missing. */
export function kernelStatus(): { ok: true } | { ok: false; reason: string } {
  if (status) return status;
  if (process.platform !== 'linux') return (status = { ok: false, reason: 'not Linux' });
  if (process.getuid?.() !== 0) return (status = { ok: false, reason: 'not root (bpf() needs CAP_BPF)' });
  try {
    buildKload();
  } catch (e) {
    return (status = { ok: false, reason: `cannot build kload with gcc/libbpf: ${String(e)}` });
  }
  return (status = { ok: true });
}

export interface LoadOptions {
  /** Load as user nobody with no capabilities, so the kernel applies its unprivileged rules. */
  unprivileged?: boolean;
}

/** Loads `object` into the kernel with the given log level; `progType` overrides the section's type. */
export function kernelLoad(object: string, logLevel: number, progType?: string, opts: LoadOptions = {}): KernelResult {
  buildKload();
  const args = [object, String(logLevel), ...(progType ? [progType] : [])];
  const run = opts.unprivileged
    ? withUnprivilegedBpf(UNPRIV_LOCK, () => spawnSync('setpriv', [...DROP_TO_NOBODY, KLOAD_BIN, ...args], SPAWN))
    : spawnSync(KLOAD_BIN, args, SPAWN);
  if (run.status !== 0) throw new Error(`kload ${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as KernelResult;
}

const SPAWN = { encoding: 'utf8', maxBuffer: 1 << 30 } as const;
const DROP_TO_NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', '--bounding-set=-all'];
const UNPRIV_LOCK = join(ARTIFACTS, 'unprivileged-bpf.lock');

let unprivStatus: { ok: true } | { ok: false; reason: string } | null = null;

/** Whether programs can be loaded as an unprivileged user here (root toggles the sysctl for each load). */
export function unprivilegedStatus(): { ok: true } | { ok: false; reason: string } {
  if (unprivStatus) return unprivStatus;
  const base = kernelStatus();
  if (!base.ok) return (unprivStatus = base);
  if (spawnSync('setpriv', ['--version'], { stdio: 'ignore' }).status !== 0)
    return (unprivStatus = { ok: false, reason: 'setpriv (util-linux) is not installed' });
  let value: string;
  try {
    value = readFileSync(UNPRIV_SYSCTL, 'utf8').trim();
  } catch {
    return (unprivStatus = { ok: false, reason: `${UNPRIV_SYSCTL} is not readable` });
  }
  // 1 means disabled until reboot: even root cannot turn unprivileged bpf() back on.
  if (value === '1') return (unprivStatus = { ok: false, reason: `${UNPRIV_SYSCTL} is 1 (locked until reboot)` });
  return (unprivStatus = { ok: true });
}

/** Lines the kernel prints after the verdict; they are statistics, not the error. */
const TRAILER = [/^processed \d+ insns/, /^verification time/, /^stack depth/, /^(cur|old) state:/, /^$/];

/**
 * The error message as the kernel reports it: the last meaningful line of the log, i.e. the line
 * before "processed N insns ..." (or simply the last line for errors found before the walk starts).
 */
export function lastMessage(log: string): string {
  const lines = log.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!TRAILER.some((re) => re.test(line))) return line;
  }
  return '';
}
