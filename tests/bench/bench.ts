/**
 * `npm run bench [-- --quick] [--rounds N] [--only NAME,...]`: ns per packet of our interpreter, our
 * JIT and the kernel (BPF_PROG_TEST_RUN through `bpftool prog run ... repeat N`, JIT when
 * bpf_jit_enable=1) on the same objects and packets in the same run, plus instruction counts, JIT
 * compile time, verifier time next to the kernel's "verification time", and clang.wasm compile
 * latency (tests/bench/compile-bench.ts, when present; --quick skips it). Medians over interleaved
 * rounds; ratios are ours / kernel. Prints a table and writes tests/artifacts/bench.json.
 *
 * Our side is `Session.runRepeat`, i.e. exactly what `ebpf-playground run --repeat N` does per packet
 * (packet reset, context, run, maps and helpers live), not a bare interpreter loop.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cleanUp, kernelUnavailableReason } from '../kernel/vm-kernel';
import { benchVerifier, formatVerifierBench } from '../verifier/support/bench';
import { BENCH_PROGRAMS } from './bench-programs';
import {
  jitCompileMs,
  kernelRunner,
  kernelVerifierUs,
  loadBpfObject,
  median,
  ourRunner,
  ourVerifierUs,
  stepsPerRun,
} from './bench-measure';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROUNDS = Number(flag('--rounds') ?? 7);
const ONLY = flag('--only')?.split(',');
const QUICK = args.includes('--quick');
const OUT = fileURLToPath(new URL('../artifacts/bench.json', import.meta.url));

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function kernelMode(): string {
  try {
    return readFileSync('/proc/sys/net/core/bpf_jit_enable', 'utf8').trim() === '0' ? 'interpreter' : 'JIT';
  } catch {
    return 'unknown';
  }
}

interface Row {
  name: string;
  shape: string;
  packet: string;
  insns: number;
  kernelNs: number | null;
  interpreterNs: number;
  jitNs: number;
  interpreterRatio: number | null;
  jitRatio: number | null;
  interpreterNsPerInsn: number;
  jitEngine: string;
  jitCompileMs: number;
  verifierUs: number | null;
  kernelVerifierUs: number | null;
  repeats: { interpreter: number; jit: number; kernel: number | null };
}

function measure(p: (typeof BENCH_PROGRAMS)[number], kernelOk: boolean): Row {
  const objPath = p.build();
  const object = loadBpfObject(objPath);
  const insns = stepsPerRun(object, p.packet);
  const interp = ourRunner(object, p.packet, 'interpreter');
  const jit = ourRunner(object, p.packet, 'jit');
  const kernel = kernelOk ? kernelRunner(objPath, p.name, p.packet) : null;
  const k: number[] = [];
  const i: number[] = [];
  const j: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      if (kernel) k.push(kernel.measure());
      i.push(interp.measure());
      j.push(jit.measure());
    }
  } finally {
    kernel?.unload();
  }
  const kernelNs = kernel ? median(k) : null;
  const ratio = (ns: number): number | null => (kernelNs === null ? null : ns / Math.max(kernelNs, 1));
  const info = jit.session.engine;
  return {
    name: p.name,
    shape: p.shape,
    packet: p.packetName,
    insns,
    kernelNs,
    interpreterNs: median(i),
    jitNs: median(j),
    interpreterRatio: ratio(median(i)),
    jitRatio: ratio(median(j)),
    interpreterNsPerInsn: median(i) / Math.max(insns, 1),
    jitEngine: info.engine === 'jit' ? 'jit' : `interpreter (${info.reason})`,
    jitCompileMs: jitCompileMs(object),
    verifierUs: ourVerifierUs(object),
    kernelVerifierUs: kernelOk ? kernelVerifierUs(objPath) : null,
    repeats: { interpreter: interp.repeat, jit: jit.repeat, kernel: kernel?.repeat ?? null },
  };
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const num = (x: number | null, digits = 0): string => (x === null ? 'n/a' : x.toFixed(digits));
const times = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(1)}x`);

function printTable(rows: readonly Row[]): void {
  const head = ['program', 'insns', 'kernel ns', 'interp ns', 'interp/k', 'ns/insn', 'JIT ns', 'JIT/k', 'JIT compile'];
  const widths = [16, 6, 10, 10, 9, 8, 9, 7, 11];
  const line = (cells: string[]): string =>
    cells.map((c, n) => (n === 0 ? pad(c, widths[n]!) : lpad(c, widths[n]!))).join(' ');
  console.log(line(head));
  for (const r of rows) {
    console.log(
      line([
        r.name,
        String(r.insns),
        num(r.kernelNs),
        num(r.interpreterNs),
        times(r.interpreterRatio),
        num(r.interpreterNsPerInsn, 1),
        num(r.jitNs),
        times(r.jitRatio),
        `${r.jitCompileMs.toFixed(1)} ms`,
      ]),
    );
  }
  console.log('\nverifier (µs, median)');
  console.log(line(['program', '', 'kernel', 'ours', 'ours/k', '', '', '', ''].slice(0, 5)));
  for (const r of rows) {
    const ratio =
      r.verifierUs === null || r.kernelVerifierUs === null ? null : r.verifierUs / Math.max(r.kernelVerifierUs, 1);
    console.log(line([r.name, '', num(r.kernelVerifierUs), num(r.verifierUs), times(ratio)]));
  }
}

/** tests/bench/compile-bench.ts (another engineer's) when it exists: imported by URL so its absence is fine. */
interface CompileBenchModule {
  compileBenchUnavailable(): string | null;
  measureCompileLatency(o: { coldRounds?: number; warmRounds?: number; nativeRounds?: number }): Promise<unknown>;
  formatCompileBench(r: unknown): string;
}

async function compileLatency(): Promise<unknown> {
  const url = new URL('compile-bench.ts', import.meta.url);
  if (QUICK) return { skipped: '--quick' };
  if (!existsSync(url)) return { skipped: 'tests/bench/compile-bench.ts does not exist' };
  const mod = (await import(url.href)) as CompileBenchModule;
  const why = mod.compileBenchUnavailable();
  if (why !== null) {
    console.log(`compile latency: SKIPPED (${why})`);
    return { skipped: why };
  }
  const r = await mod.measureCompileLatency({ coldRounds: 2, warmRounds: 5, nativeRounds: 5 });
  console.log(`\n${mod.formatCompileBench(r)}`);
  return r;
}

async function main(): Promise<void> {
  const reason = kernelUnavailableReason();
  const loadBefore = load();
  console.log(`node ${process.version}, ${cpus().length} CPUs, load average ${loadBefore}`);
  console.log(
    `kernel: ${reason ?? `Linux BPF_PROG_TEST_RUN (${kernelMode()})`}; ${ROUNDS} interleaved rounds, medians\n`,
  );
  const rows: Row[] = [];
  for (const p of BENCH_PROGRAMS) {
    if (ONLY && !ONLY.includes(p.name)) continue;
    rows.push(measure(p, reason === null));
    console.log(`  measured ${p.name} (load ${load()})`);
  }
  console.log('');
  printTable(rows);
  const verifierOnly = ONLY || reason !== null ? [] : benchVerifier();
  if (verifierOnly.length) console.log(`\n${formatVerifierBench(verifierOnly)}`);
  const compile = await compileLatency();
  const browserCompile = QUICK
    ? { skipped: '--quick' }
    : await (await import('./browser-compile-bench')).runBrowserCompileBench();
  const pageEdit = QUICK ? { skipped: '--quick' } : await (await import('./page-edit-bench')).runPageEditBench();
  const pageLoad = QUICK ? { skipped: '--quick' } : await (await import('./page-load-bench')).runPageLoadBench();
  const loadAfter = load();
  console.log(`\nload average after: ${loadAfter}`);
  mkdirSync(fileURLToPath(new URL('../artifacts/', import.meta.url)), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage: { before: loadBefore, after: loadAfter },
    kernel: reason ?? kernelMode(),
    rounds: ROUNDS,
    rows,
    verifierOnly,
    compileLatency: compile,
    browserCompileLatency: browserCompile,
    pageEditLatency: pageEdit,
    pageLoad,
  };
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${OUT}`);
  cleanUp();
}

await main();
