/**
 * What the fuzzer checks each generated program against. Ours: the session `run` uses (so the
 * verifier through the shared adapter), then, when accepted, the interpreter on several packets
 * with its runtime checks (an accepted program must never fault). The kernel: every program in one
 * kbatch process; any program we accept that the kernel rejects is a soundness bug.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeEntry } from '../../src/bpf/maps';
import { type BpfObject, loadObject } from '../../src/bpf/object';
import { createSession } from '../../src/bpf/session';
import { PROG_TYPE_IDS } from '../../src/bpf/verifier';
import { lastMessage } from '../verifier/support/kernel';
import type { FuzzProgram } from './programs';

const here = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = join(here, '..', 'artifacts', 'fuzz');

export const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;

function fresh(out: string, src: string): boolean {
  return existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs;
}

/** The template object (two maps, one XDP program), compiled once with native clang-19. */
export function templateObject(): BpfObject {
  mkdirSync(ARTIFACTS, { recursive: true });
  const src = join(here, 'template.c');
  const out = join(ARTIFACTS, 'template.o');
  if (!fresh(out, src)) {
    const include = `/usr/include/${execFileSync('uname', ['-m']).toString().trim()}-linux-gnu`;
    execFileSync('clang-19', ['-O2', '-g', '-target', 'bpf', '-mcpu=v3', `-I${include}`, '-c', src, '-o', out]);
  }
  return loadObject(readFileSync(out), { name: 'template' });
}

/** The template with its program's code replaced by a generated one (no line info: none exists). */
export function withCode(template: BpfObject, code: Uint8Array): BpfObject {
  const base = template.programs[0]!;
  const insnCount = code.length / 8;
  const program = {
    ...base,
    code,
    insnCount,
    functions: [{ name: base.name, start: 0, insnCount, isSubprogram: false, global: true }],
    mapReferences: [],
    funcInfo: [],
    lineInfo: [],
    lineAt: new Array<null>(insnCount).fill(null),
  };
  return { ...template, programs: [program] };
}

/** Packets of several lengths, so a missing bounds check shows up on the short ones. */
const PACKETS = [14, 15, 34, 60, 128].map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff));

export interface OurOutcome {
  accepted: boolean;
  message: string;
  /** Set when an accepted program faulted (or ran away) in the interpreter. */
  fault: string | null;
}

export function runOurs(template: BpfObject, p: FuzzProgram): OurOutcome {
  const session = createSession(withCode(template, p.code), {
    cpus: 1,
    privileged: true,
    seed: 7,
    engine: 'interpreter',
    budget: 1_000_000,
  });
  const v = session.verifier;
  if (!v.accepted) return { accepted: false, message: v.error?.message ?? '', fault: null };
  // Some keys present in the hash map, so lookups both hit and miss.
  const hash = session.maps[1]!.map;
  for (const key of ['00000000', '02000000']) writeEntry(hash, key, '11'.repeat(16));
  for (const packet of PACKETS) {
    const r = session.run(packet);
    if ('error' in r) return { accepted: true, message: '', fault: `${packet.length}-byte packet: ${r.error}` };
  }
  return { accepted: true, message: '', fault: null };
}

export interface KernelVerdict {
  loaded: boolean;
  message: string;
  log: string;
}

const KBATCH_SRC = join(here, 'kernel', 'kbatch.c');
const KBATCH_BIN = join(ARTIFACTS, 'kbatch');

/** Whether the kernel can be asked (root, bpf(), gcc and libbpf); the reason when not. */
export function kernelReady(): { ok: true } | { ok: false; reason: string } {
  if (process.platform !== 'linux') return { ok: false, reason: 'not Linux' };
  if (process.getuid?.() !== 0) return { ok: false, reason: 'not root (bpf() needs CAP_BPF)' };
  try {
    mkdirSync(ARTIFACTS, { recursive: true });
    if (!fresh(KBATCH_BIN, KBATCH_SRC))
      execFileSync('gcc', ['-O1', '-Wall', '-o', KBATCH_BIN, KBATCH_SRC, '-lbpf', '-lelf', '-lz'], { stdio: 'pipe' });
  } catch (e) {
    return { ok: false, reason: `cannot build kbatch with gcc/libbpf: ${String(e)}` };
  }
  return { ok: true };
}

/** The batch loader's path, once kernelReady() has built it. */
export const kbatchPath = (): string => KBATCH_BIN;

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** The kernel's verdict on each program, loaded as XDP with the template's maps behind fd_array. */
export function kernelVerdicts(template: BpfObject, programs: readonly Uint8Array[]): KernelVerdict[] {
  if (programs.length === 0) return [];
  const maps = template.maps.map((m) => `${m.type}:${m.keySize}:${m.valueSize}:${m.maxEntries}`);
  const run = spawnSync(KBATCH_BIN, [String(PROG_TYPE_IDS.xdp), ...maps], {
    input: programs.map(hex).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`kbatch failed: ${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  if (lines.length !== programs.length) throw new Error(`kbatch answered ${lines.length} of ${programs.length}`);
  return lines.map((l) => {
    const k = JSON.parse(l) as { loaded: boolean; log: string };
    return { loaded: k.loaded, message: k.loaded ? '' : lastMessage(k.log), log: k.log };
  });
}
