/**
 * What the compiler tests need from the machine: native clang-19 (for -target bpf and for
 * --target=wasm32-wasi with Debian's wasi-libc), and our clang.wasm (public/clang, or a raw build
 * named by $EBPF_PLAYGROUND_CLANG_WASM). Missing pieces make suites skip loudly, never pass.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findNodeArtifact } from '../../src/compiler/node';

export const CLANG19: string | null = (() => {
  const candidate = process.env.CLANG19 ?? 'clang-19';
  const r = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /clang version 19\./.test(r.stdout) ? candidate : null;
})();

export const HAS_WASI_LIBC = existsSync('/usr/lib/wasm32-wasi/libc.a') || existsSync('/usr/share/wasi-sysroot');

/** Whether clang.wasm can be loaded in this checkout/environment. */
export const HAS_CLANG_WASM: boolean = (() => {
  try {
    return findNodeArtifact() !== null;
  } catch {
    return false; // $EBPF_PLAYGROUND_CLANG_WASM names a missing file
  }
})();

/** console.warn()s and returns true when `available` is false: use as `describe.skipIf(skip(…))`. */
export function skipLoudly(what: string, available: boolean, missing: string): boolean {
  if (!available) console.warn(`SKIPPED: ${what} — ${missing}`);
  return !available;
}

let dir: string | null = null;
/** A per-process scratch directory, removed at exit. */
export function scratch(): string {
  if (dir === null) {
    const d = mkdtempSync(join(tmpdir(), 'ebpf-compiler-tests-'));
    dir = d;
    process.on('exit', () => rmSync(d, { recursive: true, force: true }));
  }
  return dir;
}
