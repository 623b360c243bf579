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
import { runOurs } from './run-case';

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

/** Realistic programs: the corpus ones with the most work, plus the 1M-insn limit case. */
export const BENCH_CORPUS = ['xdp_loop_sum', 'xdp_pop_vlan', 'xdp_printk_addr', 'xdp_lpm_route', 'tc_rewrite_dst'];
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

/** Times every bench object; `reps` runs of ours each (the kernel's time is one load's). */
export function benchVerifier(reps = 5): VerifierBenchRow[] {
  if (!kernelStatus().ok) return [];
  return objects().map((o) => {
    const k = kernelLoad(o.path, 4, o.progType);
    const times: number[] = [];
    let result = runOurs(k, o.license, { logLevel: 0, collectStates: 'none' });
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      result = runOurs(k, o.license, { logLevel: 0, collectStates: 'none' });
      times.push((performance.now() - t0) * 1000);
    }
    const time = /verification time (\d+) usec/.exec(k.log);
    const processed = /processed (\d+) insns/.exec(k.log);
    return {
      name: o.name,
      accepted: result.accepted,
      processed: result.stats.processed,
      oursUs: Math.round(median(times)),
      kernelUs: time ? Number(time[1]) : null,
      kernelProcessed: processed ? Number(processed[1]) : null,
    };
  });
}
