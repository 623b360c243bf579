/**
 * Compile latency for `npm run bench`: clang.wasm in Node, cold (read + brotli decode + WebAssembly
 * compile of the module, then the first compile) and warm (further compiles on the compiled
 * module, a fresh instance each), next to native `clang-19 -O2 -target bpf -c` on the same file
 * with the same flags and headers, in the same run. Medians; ratios are wasm / native.
 *
 *   npx tsx tests/bench/compile-bench.ts [FILE.c]
 */
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileProgram } from '../../src/compiler/compile';
import { createClangLoader } from '../../src/compiler/load';
import { collectHostFiles, findNodeArtifact, nodeCompile, nodeSystemHeaders } from '../../src/compiler/node';
import type { CompileInput } from '../../src/compiler/types';
import { compileNative } from '../compiler/native';
import { CLANG19 } from '../compiler/toolchain';

export const DEFAULT_BENCH_FILE = fileURLToPath(new URL('../kernel/vm-programs/xdp_parse.c', import.meta.url));

const WARM_UP_ROUNDS = 3;

export interface CompileBenchOptions {
  readonly file?: string;
  /** Cold loads (each compiles the module anew); default 3. */
  readonly coldRounds?: number;
  /** Warm compiles (after WARM_UP_ROUNDS discarded ones); default 9. */
  readonly warmRounds?: number;
  /** Native compiles; default 9. */
  readonly nativeRounds?: number;
}

export interface CompileBenchResult {
  readonly file: string;
  readonly objectBytes: number;
  /** Median of: read + brotli decode + WebAssembly.compile. */
  readonly moduleCompileMs: number;
  /** Median of: module compile + first compile on it. */
  readonly coldMs: number;
  /** Median compile on an already compiled module (instantiate + run). */
  readonly warmMs: number;
  /** Median wall time of native clang-19 (process spawn included), or null without clang-19. */
  readonly nativeMs: number | null;
  readonly warmRatio: number | null;
  readonly coldRatio: number | null;
  /** 1/5/15-minute load averages around the measurement (2 cores shared with other work). */
  readonly loadAverage: { readonly before: string; readonly after: string };
}

const loadNow = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Why the benchmark cannot run here, or null when it can. */
export function compileBenchUnavailable(): string | null {
  try {
    if (findNodeArtifact() === null) return 'clang.wasm is not built (public/clang/clang.wasm.br missing)';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return null;
}

export function benchInput(file: string): CompileInput {
  const abs = resolve(file);
  return {
    entry: abs,
    files: collectHostFiles(abs, []),
    workingDirectory: dirname(abs),
    options: { optLevel: 2, cpu: 'v3', debugInfo: true },
  };
}

export async function measureCompileLatency(options: CompileBenchOptions = {}): Promise<CompileBenchResult> {
  const source = findNodeArtifact();
  if (source === null) throw new Error(compileBenchUnavailable() ?? 'clang.wasm unavailable');
  const file = resolve(options.file ?? DEFAULT_BENCH_FILE);
  const input = benchInput(file);
  const headers = nodeSystemHeaders();
  const loadBefore = loadNow();

  const moduleMs: number[] = [];
  const coldMs: number[] = [];
  let module: WebAssembly.Module | null = null;
  let objectBytes = 0;
  for (let i = 0; i < (options.coldRounds ?? 3); i++) {
    const t0 = performance.now();
    const loaded = await createClangLoader(source, { compile: nodeCompile, verify: false }).load();
    const t1 = performance.now();
    const out = await compileProgram(loaded.module, input, headers);
    const t2 = performance.now();
    if (out.object === null) throw new Error(`${file} does not compile:\n${out.stderr}${out.crash ?? ''}`);
    objectBytes = out.object.length;
    moduleMs.push(t1 - t0);
    coldMs.push(t2 - t0);
    module = loaded.module;
  }
  if (module === null) throw new Error('coldRounds must be at least 1');

  // Warm-up, discarded: V8 first runs wasm through its baseline compiler and re-compiles hot
  // functions with TurboFan in the background; a few compiles let that settle (on a loaded
  // machine the background compiles queue for a core).
  for (let i = 0; i < WARM_UP_ROUNDS; i++) await compileProgram(module, input, headers);
  // Warm and native rounds alternate, so a change in machine load hits both sides alike.
  const warm: number[] = [];
  const native: number[] = [];
  const rounds = Math.max(options.warmRounds ?? 9, CLANG19 === null ? 0 : (options.nativeRounds ?? 9));
  for (let i = 0; i < rounds; i++) {
    if (i < (options.warmRounds ?? 9)) {
      const t0 = performance.now();
      await compileProgram(module, input, headers);
      warm.push(performance.now() - t0);
    }
    if (CLANG19 !== null && i < (options.nativeRounds ?? 9)) {
      const r = compileNative(input, headers);
      if (r.object === null) throw new Error(`native clang-19 failed on ${file}:\n${r.stderr}`);
      native.push(r.ms);
    }
  }
  const nativeMs = native.length === 0 ? null : median(native);
  const result = {
    file,
    objectBytes,
    loadAverage: { before: loadBefore, after: loadNow() },
    moduleCompileMs: median(moduleMs),
    coldMs: median(coldMs),
    warmMs: median(warm),
    nativeMs,
  };
  return {
    ...result,
    warmRatio: nativeMs === null ? null : result.warmMs / nativeMs,
    coldRatio: nativeMs === null ? null : result.coldMs / nativeMs,
  };
}

export function formatCompileBench(r: CompileBenchResult): string {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const ratio = (x: number | null) => (x === null ? 'n/a (no clang-19)' : `${x.toFixed(2)}×`);
  return [
    `compile latency: ${r.file} (${r.objectBytes} byte object; load ${r.loadAverage.before} → ${r.loadAverage.after})`,
    `  clang.wasm module compile   ${ms(r.moduleCompileMs)}`,
    `  clang.wasm cold             ${ms(r.coldMs)}   (${ratio(r.coldRatio)} native)`,
    `  clang.wasm warm             ${ms(r.warmMs)}   (${ratio(r.warmRatio)} native; target ≤ 3×)`,
    `  native clang-19             ${r.nativeMs === null ? 'n/a' : ms(r.nativeMs)}`,
  ].join('\n');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const why = compileBenchUnavailable();
  if (why !== null) {
    console.warn(`SKIPPED compile latency: ${why}`);
  } else {
    console.log(formatCompileBench(await measureCompileLatency({ file: process.argv[2] ?? DEFAULT_BENCH_FILE })));
  }
}
