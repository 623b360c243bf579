/**
 * Native toolchain access for the object-loader tests: compiles fixtures with clang-19 and asks
 * llvm-readelf / bpftool for the facts our loader must agree with. Missing tools make the suites
 * skip loudly (console.warn), never silently pass.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

function works(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
}

export const hasClang = works('clang-19', ['--version']);
export const hasReadelf = works('llvm-readelf-19', ['--version']);
export const hasBpftool = works('bpftool', ['version']);
/** Loading programs into the kernel needs root (CAP_BPF + CAP_SYS_ADMIN for map show). */
export const canLoadIntoKernel = hasBpftool && process.getuid?.() === 0;

export function warnSkip(what: string, available: boolean): boolean {
  if (!available) console.warn(`SKIPPED: ${what} — required native tool is not available on this machine`);
  return !available;
}

const outDir = mkdtempSync(join(tmpdir(), 'ebpf-object-tests-'));

export const fixtureNames = (): string[] =>
  readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.c'))
    .map((f) => basename(f, '.c'))
    .sort();

export interface Compiled {
  readonly path: string;
  readonly bytes: Uint8Array;
}

const cache = new Map<string, Compiled>();

/** Compiles tests/object/fixtures/NAME.c as the project documents (clang-19 -O2 -g -target bpf). */
export function compileFixture(name: string, mcpu = 'v3'): Compiled {
  const key = `${name}@${mcpu}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const path = join(outDir, `${name}.${mcpu}.o`);
  execFileSync('clang-19', [
    '-O2',
    '-g',
    '-target',
    'bpf',
    `-mcpu=${mcpu}`,
    '-I/usr/include/x86_64-linux-gnu',
    '-c',
    join(FIXTURES, `${name}.c`),
    '-o',
    path,
  ]);
  const compiled = { path, bytes: new Uint8Array(readFileSync(path)) };
  cache.set(key, compiled);
  return compiled;
}

export const readelfJson = (path: string, ...flags: string[]): unknown =>
  JSON.parse(execFileSync('llvm-readelf-19', ['--elf-output-style=JSON', ...flags, path], { encoding: 'utf8' }));

export const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });
