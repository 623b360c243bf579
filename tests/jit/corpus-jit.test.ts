/**
 * The session differential corpus (tests/kernel-diff/corpus) with both engines: every program's
 * whole `run --json` report (return values, packets out, trace lines, every map) must be the same
 * with the JIT as with the interpreter, and the JIT must have compiled it (objects with a prog_array
 * run in the interpreter, as the session says). tests/kernel-diff
 * compares the CLI (JIT by default) with Linux itself.
 */
import { readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { loadObject } from '../../src/bpf/object';
import { createSession, type RunReport } from '../../src/bpf/session';
import { listCorpus } from '../kernel-diff/corpus';
import { compileCorpusProgram, WORK_DIR } from '../kernel-diff/kernel-runner';
import { withObjectNames } from '../kernel-diff/records';

const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasClang) console.warn('SKIPPING JIT corpus tests: clang-19 is not installed');

function report(objPath: string, packets: readonly Uint8Array[], engine: 'jit' | 'interpreter') {
  const object = loadObject(readFileSync(objPath));
  const session = createSession(object, { cpus: 2, privileged: true, seed: 1, engine });
  const runs = packets.map((p) => session.run(p));
  // A repeat exercises the reused packet slot and context many times in a row.
  const repeated = packets.map((p) => {
    const r = session.runRepeat(p, 3);
    return 'error' in r ? r : { ...r, duration_ns_avg: 0 };
  });
  // Map-in-map slots hold map ids, which differ between two sessions: they are compared by map name.
  const report = withObjectNames({ verifier: session.verifier, runs, maps: session.dumpMaps() }, object, session);
  const out: RunReport & { repeated: unknown } = { ...report, repeated };
  return { out, engine: session.engine };
}

describe.skipIf(!hasClang)('corpus: JIT vs interpreter sessions', () => {
  afterAll(() => rmSync(WORK_DIR, { recursive: true, force: true }));

  for (const prog of listCorpus()) {
    it(prog.name, () => {
      const obj = compileCorpusProgram(prog);
      const interp = report(obj, prog.packets, 'interpreter');
      const jit = report(obj, prog.packets, 'jit');
      expect(jit.out).toEqual(interp.out);
      // A program our verifier refuses runs in neither engine (tests/kernel-diff reports that gap).
      if (!interp.out.verifier.accepted) return;
      expect(interp.engine).toEqual({ engine: 'interpreter', reason: null });
      // Tail calls switch programs mid-run, which only the interpreter does (visibly, with the reason).
      if (jit.engine.engine === 'interpreter') expect(jit.engine.reason).toMatch(/tail calls run in the interpreter/);
      else expect(jit.engine).toEqual({ engine: 'jit', reason: null });
    });
  }
});
