/**
 * Differential cases: one file each in tests/verifier/cases, C (compiled with native clang-19) or
 * assembly (llvm-mc-19). A header of `// key: value` lines describes the case:
 *
 *   // expect: accept | reject      what the case is meant to show (checked against the kernel)
 *   // prog: xdp                    optional program type override (libbpf name); default: from SEC()
 *   // why: one line                what the case exercises
 *   // slow: yes                    runs only with VERIFIER_SLOW=1 (e.g. the 1M-instruction limit)
 *   // mode: unprivileged           load as user nobody without capabilities; verify with privileged: false
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS } from './kernel';

const here = dirname(fileURLToPath(import.meta.url));
export const CASES_DIR = join(here, '..', 'cases');

export interface DiffCase {
  name: string;
  file: string;
  expect: 'accept' | 'reject';
  progType: string | undefined;
  why: string;
  /** License string from the `license` section, when the source names one. */
  license: string;
  /** Takes long (minutes) in our verifier: run only on request. */
  slow: boolean;
  /** Loaded by an unprivileged user (the kernel's !CAP_BPF rules). */
  unprivileged: boolean;
}

function header(source: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of source.split('\n')) {
    const m = /^\s*(?:\/\/|#|;)\s*(expect|prog|why|slow|mode):\s*(.*?)\s*$/.exec(line);
    if (m) fields.set(m[1]!, m[2]!);
  }
  return fields;
}

function licenseOf(source: string): string {
  const c = /SEC\("license"\)\s*=\s*"([^"]*)"/.exec(source);
  if (c) return c[1]!;
  const asm = /\.section\s+"?license"?[^\n]*\n(?:[^\n]*\n)*?\s*\.(?:asciz|string)\s+"([^"]*)"/.exec(source);
  return asm ? asm[1]! : '';
}

export function loadCases(): DiffCase[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.c') || f.endsWith('.s'))
    .sort()
    .map((f) => {
      const file = join(CASES_DIR, f);
      const source = readFileSync(file, 'utf8');
      const h = header(source);
      const expect = h.get('expect');
      if (expect !== 'accept' && expect !== 'reject') throw new Error(`${f}: header needs "// expect: accept|reject"`);
      return {
        name: basename(f),
        file,
        expect,
        progType: h.get('prog'),
        why: h.get('why') ?? '',
        license: licenseOf(source),
        slow: h.get('slow') === 'yes',
        unprivileged: h.get('mode') === 'unprivileged',
      };
    });
}

/** Compiles a case to a BPF object under tests/artifacts and returns its path. */
export function compileCase(c: DiffCase): string {
  const outDir = join(ARTIFACTS, 'cases');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${c.name}.o`);
  if (c.file.endsWith('.s')) {
    execFileSync('llvm-mc-19', ['-triple', 'bpfel', '-mcpu=v4', '-filetype=obj', '-o', out, c.file], { stdio: 'pipe' });
  } else {
    const include = '/usr/include/x86_64-linux-gnu';
    execFileSync('clang-19', ['-O2', '-g', '-target', 'bpf', '-mcpu=v3', `-I${include}`, '-c', c.file, '-o', out], {
      stdio: 'pipe',
    });
  }
  return out;
}
