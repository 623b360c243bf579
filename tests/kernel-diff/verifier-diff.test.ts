/**
 * The verifier's verdict on every program of every corpus object must be the kernel's (all corpus
 * objects load in Linux 6.18, checked by kernel-diff.test.ts). The verifier is driven the way
 * sessions, `run` and `verify` drive it (src/bpf/session/verifier-env). Programs on VERIFIER_GAPS may disagree, loudly;
 * one that starts agreeing fails the test until it is removed from the list.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadObject } from '../../src/bpf/object';
import { unsupportedType, verifyObjectProgram } from '../../src/bpf/session/verifier-env';
import { listCorpus } from './corpus';
import { compileCorpusProgram, WORK_DIR } from './kernel-runner';

const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasClang) console.warn('\n!!! SKIPPING verifier-vs-kernel corpus verdicts: clang-19 is not installed !!!\n');

/**
 * Corpus programs the kernel accepts and our verifier still rejects, with its message. Empty: the
 * verifier agrees with the kernel on every corpus program. A new entry needs an issue.
 */
const VERIFIER_GAPS: Readonly<Record<string, string>> = {};

describe.skipIf(!hasClang)('verifier verdicts vs the kernel on the corpus', () => {
  afterAll(() => rmSync(WORK_DIR, { recursive: true, force: true }));
  for (const prog of listCorpus()) {
    it(prog.name, () => {
      const object = loadObject(readFileSync(compileCorpusProgram(prog)), { name: prog.name });
      // The kernel loads every program of the object (tail-call targets too), so each must pass.
      const rejected = object.programs.flatMap((program) => {
        const r = verifyObjectProgram(object, program, { privileged: true, logLevel: 0, collectStates: 'none' });
        if (r === null) return [unsupportedType(program)];
        return r.accepted ? [] : [`${program.name}: ${r.error?.insn}: ${r.error?.message}`];
      });
      const gap = VERIFIER_GAPS[prog.name];
      if (gap === undefined) expect(rejected, `kernel accepts ${prog.name}, ours rejects`).toEqual([]);
      else if (rejected.length === 0) expect.fail(`${prog.name} is now accepted: remove it from VERIFIER_GAPS`);
      else console.warn(`VERIFIER GAP ${prog.name}: ${gap}`);
    });
  }
});
