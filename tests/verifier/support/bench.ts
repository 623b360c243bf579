/**
 * Verifier timings for `npm run bench`: our verifier on the kernel's exact instructions (as the
 * differential suite runs it) next to the kernel's own "verification time" for the same object
 * (log level 4 prints it). Objects: realistic corpus programs and the 1M-instruction rejection.
 */
import { readFileSync } from 'node:fs';
import { loadObject } from '../../../src/bpf/object';
import { listCorpus } from '../../kernel-diff/corpus';
import { compileCorpusProgram } from '../../kernel-diff/kernel-runner';
import { compileCase, loadCases } from './cases';
import { kernelLoad, kernelStatus } from './kernel';
import { verify, type VerifyResult } from '../../../src/bpf/verifier';
import { oursInput } from './run-case';

export interface VerifierBenchRow {
  name: string;
  accepted: boolean;
  processed: number;
  /** Our median over `reps` runs, log level 0 (the kernel's timing has no log either). */
  oursUs: number;
  /** The kernel's verification time, or null without bpf(). */
  kernelUs: number | null;
  kernelProcessed: number | null;
}

/** More realistic programs (the bench table has the others), plus the 1M-insn limit case. */
export const BENCH_CORPUS = ['xdp_pop_vlan', 'xdp_printk_addr', 'xdp_lpm_route', 'tc_rewrite_dst'];
export const BENCH_CASES = ['cf-too-large.c'];

interface BenchObject {
  name: string;
  path: string;
  license: string;
  progType?: string;
}

function objects(): BenchObject[] {
  const corpus = listCorpus()
    .filter((p) => BENCH_CORPUS.includes(p.name))
    .map((p) => {
      const path = compileCorpusProgram(p);
      const license = loadObject(readFileSync(path), { name: p.name }).license;
      return { name: p.name, path, license };
    });
  const cases = loadCases()
    .filter((c) => BENCH_CASES.includes(c.name))
    .map((c) => ({ name: c.name, path: compileCase(c), license: c.license, ...(c.progType ? { progType: c.progType } : {}) })); // prettier-ignore
  return [...corpus, ...cases];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** This process's CPU time in µs: on a loaded machine wall time mostly measures waiting for a core. */
const cpuUs = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/**
 * Times every bench object: ours at log level 0 (CPU time, median of `reps`, one sample when a run
 * takes over a second), the kernel's "verification time" from loads at log level 4 (statistics only),
 * least of five.
 */
export function benchVerifier(reps = 5): VerifierBenchRow[] {
  if (!kernelStatus().ok) return [];
  return objects().map((o) => {
    const loads = [0, 1, 2, 3, 4].map(() => kernelLoad(o.path, 4, o.progType));
    const k = loads[0]!;
    const { bytes, env } = oursInput(k, o.license);
    const once = (): { us: number; result: VerifyResult } => {
      const t0 = cpuUs();
      const result = verify(bytes, env, { logLevel: 0, collectStates: 'none' });
      return { us: cpuUs() - t0, result };
    };
    // Warm up (V8 optimises after ~1,000 runs) within 1 s of CPU; one sample for the long ones.
    const first = once();
    let spent = first.us;
    for (let n = 1; n < 1000 && spent < 1_000_000; n++) spent += once().us;
    // Each sample averages enough runs for ~20 ms of CPU (sub-ms figures are noisy otherwise).
    const batch = Math.max(1, Math.round(20_000 / first.us));
    const sample = (): { us: number; result: VerifyResult } => {
      let us = 0;
      let last = first;
      for (let n = 0; n < batch; n++) us += (last = once()).us;
      return { us: us / batch, result: last.result };
    };
    const runs = first.us > 1e6 ? [first] : Array.from({ length: reps }, sample);
    const kernelTimes = loads.map((l) => /verification time (\d+) usec/.exec(l.log)).filter((m) => m !== null);
    const processed = /processed (\d+) insns/.exec(k.log);
    return {
      name: o.name,
      accepted: first.result.accepted,
      processed: first.result.stats.processed,
      oursUs: Math.round(median(runs.map((r) => r.us))),
      // The kernel times wall clock (preemption included on a loaded machine): its least is the fairest.
      kernelUs: kernelTimes.length ? Math.min(...kernelTimes.map((m) => Number(m[1]))) : null,
      kernelProcessed: processed ? Number(processed[1]) : null,
    };
  });
}

/** The rows as a small table for `npm run bench`. */
export function formatVerifierBench(rows: readonly VerifierBenchRow[]): string {
  const lines = ['verifier only (µs, ours at log level 0 / kernel at log level 4; processed insns ours / kernel)'];
  for (const r of rows) {
    const ratio = r.kernelUs === null ? 'n/a' : `${(r.oursUs / Math.max(r.kernelUs, 1)).toFixed(2)}x`;
    const verdict = r.accepted ? 'accept' : 'reject';
    lines.push(
      `  ${r.name.padEnd(16)} ${verdict} kernel ${r.kernelUs ?? 'n/a'} ours ${r.oursUs} (${ratio}); processed ${r.processed} / ${r.kernelProcessed ?? 'n/a'}`,
    );
  }
  return lines.join('\n');
}
