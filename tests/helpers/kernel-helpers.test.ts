/**
 * Packet, checksum, skb-reshaping, probe-read, string and loop helpers against Linux: each
 * kernel/programs/*.c records its helper calls' return values in an array map and runs in the
 * kernel (BPF_PROG_TEST_RUN) and through our CLI; retval, packet out and every map must be equal.
 * The programs use the kernel-differential corpus conventions (tests/kernel-diff/README.md).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/bpf/session/report';
import { main } from '../../src/cli/main';
import { diffReports } from '../kernel-diff/compare';
import { readProgram } from '../kernel-diff/corpus';
import { compileCorpusProgram, kernelUnavailableReason, runInKernel, WORK_DIR } from '../kernel-diff/kernel-runner';

const DIR = fileURLToPath(new URL('kernel/programs', import.meta.url));
const programs = readdirSync(DIR)
  .filter((f) => f.endsWith('.c'))
  .map((f) => readProgram(join(DIR, f)));
const reason = kernelUnavailableReason();
if (reason) console.warn(`\n!!! SKIPPING the helper kernel-differential programs: ${reason} !!!\n`);

async function runOurs(objPath: string, packets: readonly Uint8Array[], cpus: number): Promise<RunReport> {
  const out: string[] = [];
  const err: string[] = [];
  const args = ['run', objPath, '--json', '--cpus', String(cpus)];
  for (const p of packets) args.push('--packet', Buffer.from(p).toString('hex'));
  await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  const parsed = JSON.parse(out[0] ?? `{"error": ${JSON.stringify(err.join('\n'))}}`) as RunReport | { error: string };
  if ('error' in parsed) throw new Error(`run --json failed: ${parsed.error}`);
  return parsed;
}

describe.skipIf(reason !== null)('helpers: our VM vs Linux BPF_PROG_TEST_RUN', () => {
  afterAll(() => rmSync(WORK_DIR, { recursive: true, force: true }));

  for (const prog of programs) {
    it(prog.name, async () => {
      // The programs include helpers.h from their own directory and common.h from the corpus.
      const obj = compileCorpusProgram(prog);
      const kernel = runInKernel(obj, prog.packets);
      expect(kernel.verifier.accepted, `the kernel rejected ${prog.name}: ${kernel.verifier.log}`).toBe(true);
      const ours = await runOurs(obj, prog.packets, kernel.cpus);
      const diffs = diffReports(kernel, ours, prog.packetNames);
      expect(diffs, `${prog.name} differs from the kernel:\n  ${diffs.join('\n  ')}`).toEqual([]);
    });
  }
});
