/**
 * Which helpers each program type may call, as the running kernel decides: helper-probe.c loads a
 * one-call program per (program type, helper id) and reports the verifier's verdict. The result is
 * kept as a committed fixture (fixtures/helper-program-types.json, rewritten by
 * regenerate-helper-types.ts) so the prototype check runs everywhere, and re-probed where bpf() works.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELPER_NAMES, helperName } from '../../../src/bpf/helpers/ids';
import type { ProgramType } from '../../../src/bpf/helpers/prototypes';

/** The program types we support and probe, with their enum bpf_prog_type values. */
export const PROBED_TYPES = {
  socket_filter: 1,
  kprobe: 2,
  sched_cls: 3,
  sched_act: 4,
  tracepoint: 5,
  xdp: 6,
  perf_event: 7,
  cgroup_skb: 8,
  raw_tracepoint: 17,
} as const satisfies Partial<Record<ProgramType, number>>;

export type ProbedType = keyof typeof PROBED_TYPES;
export const PROBED_TYPE_NAMES = Object.keys(PROBED_TYPES) as ProbedType[];

export interface HelperAvailability {
  /** `uname -r` of the kernel that was probed. */
  readonly kernel: string;
  /** Helper name -> program types that may call it (in PROBED_TYPE_NAMES order); absent = none. */
  readonly helpers: Readonly<Record<string, readonly ProbedType[]>>;
  /** Allowed helpers that a program without a GPL-compatible license may not call. */
  readonly gplOnly: readonly string[];
}

export const FIXTURE = fileURLToPath(new URL('../fixtures/helper-program-types.json', import.meta.url));
const PROBE_SOURCE = fileURLToPath(new URL('helper-probe.c', import.meta.url));

export function readFixture(): HelperAvailability {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as HelperAvailability;
}

/** Probes every helper id the uapi defines against every probed program type. */
export function probeKernel(): HelperAvailability {
  const dir = mkdtempSync(join(tmpdir(), 'ebpf-pg-helper-probe-'));
  try {
    const binary = join(dir, 'helper-probe');
    execFileSync('clang-19', ['-O2', '-o', binary, PROBE_SOURCE], { stdio: ['ignore', 'ignore', 'pipe'] });
    const ids = HELPER_NAMES.map((_, id) => id).filter((id) => id > 0);
    const input = PROBED_TYPE_NAMES.flatMap((t) => ids.map((id) => `${PROBED_TYPES[t]} ${id}\n`)).join('');
    const output = execFileSync(binary, { input, encoding: 'utf8', maxBuffer: 1 << 24 });
    const typeById = new Map(PROBED_TYPE_NAMES.map((t) => [PROBED_TYPES[t] as number, t]));
    const helpers: Record<string, ProbedType[]> = {};
    const gplOnly = new Set<string>();
    for (const line of output.trim().split('\n')) {
      const [type, id, verdict, license] = line.split(' ');
      if (verdict === 'error') throw new Error(`helper probe could not load programs: ${line}`);
      if (verdict !== 'ok') continue;
      const name = helperName(Number(id))!;
      (helpers[name] ??= []).push(typeById.get(Number(type))!);
      if (license === 'gpl') gplOnly.add(name);
    }
    const kernel = execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim();
    return { kernel, helpers, gplOnly: [...gplOnly] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
