/**
 * The kernel is the reference: every corpus program runs in Linux (BPF_PROG_TEST_RUN through
 * bpftool, or through libbpf's krun for `// loader: libbpf` programs) and through our simulator
 * (the CLI's `run --json`, or a session with the same record consumers), and the two reports, and
 * records, must be identical. Programs on the known-gaps list may differ, loudly; a listed program
 * that starts matching fails the test.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/bpf/session/report';
import { loadObject } from '../../src/bpf/object';
import { packetTypeOfSection } from '../../src/bpf/programs';
import { main } from '../../src/cli/main';
import { diffRecords, diffReports } from './compare';
import { type CorpusProgram, listCorpus } from './corpus';
import { compileCorpusProgram, kernelUnavailableReason, runInKernel, WORK_DIR } from './kernel-runner';
import { KNOWN_GAPS } from './known-gaps';
import { libbpfUnavailableReason, runWithLibbpf } from './libbpf-runner';
import { runOursWithConsumers } from './records';

const corpus = listCorpus();
const reason = kernelUnavailableReason();
if (reason) console.warn(`\n!!! SKIPPING the kernel-differential corpus (${corpus.length} programs): ${reason} !!!\n`);
const viaLibbpf = corpus.filter((p) => p.loader === 'libbpf');
const libbpfReason = reason === null && viaLibbpf.length > 0 ? libbpfUnavailableReason() : null;
if (libbpfReason)
  console.warn(`\n!!! SKIPPING ${viaLibbpf.length} libbpf-loaded corpus programs: ${libbpfReason} !!!\n`);

/** Our side, through the CLI exactly as a user runs it. */
async function runOurs(objPath: string, prog: CorpusProgram, cpus: number): Promise<RunReport> {
  const out: string[] = [];
  const err: string[] = [];
  const args = ['run', objPath, '--json', '--cpus', String(cpus)];
  if (prog.program !== undefined) args.push('--section', prog.program);
  for (const p of prog.packets) args.push('--packet', Buffer.from(p).toString('hex'));
  await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  if (out.length !== 1) throw new Error(`run --json printed ${out.length} lines; stderr: ${err.join('\n')}`);
  const parsed = JSON.parse(out[0]!) as RunReport | { error: string };
  if ('error' in parsed) throw new Error(`run --json failed: ${parsed.error}`);
  return parsed;
}

/** bpftool's kernel run vs our CLI. */
async function diffWithBpftool(obj: string, prog: CorpusProgram): Promise<string[]> {
  const kernel = runInKernel(obj, prog.packets);
  expect(kernel.verifier.accepted, `the kernel rejected ${prog.name}: ${kernel.verifier.log}`).toBe(true);
  return diffReports(kernel, await runOurs(obj, prog, kernel.cpus), prog.packetNames);
}

/** krun's kernel run vs a session with the same consumers and map updates (records.ts), records too. */
function diffWithLibbpf(obj: string, prog: CorpusProgram): string[] {
  const kernel = runWithLibbpf(obj, prog.program, prog.packets, prog.updates);
  expect(kernel.verifier.accepted, `the kernel rejected ${prog.name}: ${kernel.verifier.log}`).toBe(true);
  const ours = runOursWithConsumers(loadObject(readFileSync(obj), { name: prog.name }), prog, kernel.cpus);
  return [
    ...diffReports(kernel, ours.report, prog.packetNames),
    ...diffRecords(kernel.records, ours.records, prog.packetNames),
  ];
}

describe('kernel-differential corpus', () => {
  it('has at least 25 programs over XDP, TC, socket filters and cgroup_skb', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
    const kinds = new Set(corpus.map((p) => packetTypeOfSection(p.section)));
    expect(kinds).toEqual(new Set(['xdp', 'tc', 'socket_filter', 'cgroup_skb']));
  });

  it('lists only corpus programs as known gaps', () => {
    const names = new Set(corpus.map((p) => p.name));
    expect(Object.keys(KNOWN_GAPS).filter((n) => !names.has(n))).toEqual([]);
  });
});

describe.skipIf(reason !== null)('corpus: our run --json vs Linux BPF_PROG_TEST_RUN', () => {
  afterAll(() => rmSync(WORK_DIR, { recursive: true, force: true }));

  for (const prog of corpus) {
    it.skipIf(prog.loader === 'libbpf' && libbpfReason !== null)(prog.name, async () => {
      const obj = compileCorpusProgram(prog);
      const diffs = prog.loader === 'libbpf' ? diffWithLibbpf(obj, prog) : await diffWithBpftool(obj, prog);
      const gap = KNOWN_GAPS[prog.name];
      if (gap === undefined) {
        expect(diffs, `${prog.name} differs from the kernel:\n  ${diffs.join('\n  ')}`).toEqual([]);
      } else if (diffs.length === 0) {
        expect.fail(`${prog.name} now matches the kernel: remove it from tests/kernel-diff/known-gaps.ts`);
      } else {
        console.warn(`KNOWN GAP ${prog.name}: ${gap}\n  ${diffs.slice(0, 8).join('\n  ')}`);
      }
    });
  }
});
