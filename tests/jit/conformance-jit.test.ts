/**
 * The bpf_conformance suites with the JIT: every positive file must give its result and every
 * negative file must be rejected (the shared judging in tests/conformance/run-case.ts), and on
 * every file the JIT must match the interpreter on everything observable, with the memory
 * argument both inside the JIT's linear memory (inline accesses) and outside it (interpreter steps).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assembleUbpf } from '../../src/bpf/asm';
import { prepareProgram } from '../../src/bpf/vm';
import { parseDataFile } from '../conformance/data-file';
import { judgeNegative, judgePositive } from '../conformance/run-case';
import { runEngine } from './engines';

const ROOT = fileURLToPath(new URL('../../../shared/conformance', import.meta.url));
const available = existsSync(join(ROOT, 'tests'));
if (!available) console.warn(`SKIPPING JIT conformance suites: ${ROOT} does not exist`);

const files = (dir: string): string[] =>
  available
    ? readdirSync(join(ROOT, dir))
        .filter((f) => f.endsWith('.data'))
        .sort()
    : [];

describe.skipIf(!available)('bpf_conformance with the JIT', () => {
  it('passes every file in tests/ and rejects every file in negative/', () => {
    const failures = files('tests')
      .map((f) => ({ f, v: judgePositive(readFileSync(join(ROOT, 'tests', f), 'utf8'), 'jit') }))
      .filter(({ v }) => !v.ok)
      .map(({ f, v }) => `${f}: ${v.reason}`);
    expect(failures).toEqual([]);
    const accepted = files('negative')
      .map((f) => ({ f, v: judgeNegative(readFileSync(join(ROOT, 'negative', f), 'utf8'), 'jit') }))
      .filter(({ v }) => !v.ok)
      .map(({ f, v }) => `${f}: ${v.reason}`);
    expect(accepted).toEqual([]);
    expect(files('tests').length).toBeGreaterThanOrEqual(313);
  });

  it('compiles every positive file and matches the interpreter exactly', () => {
    let compared = 0;
    for (const f of files('tests')) {
      const c = parseDataFile(readFileSync(join(ROOT, 'tests', f), 'utf8'));
      const program = prepareProgram(c.raw ?? assembleUbpf(c.asm!));
      const interp = runEngine(program, c.memory, 'interpreter');
      for (const slowMemory of [false, true]) {
        const jit = runEngine(program, c.memory, 'jit', { slowMemory });
        expect(jit.engine, `${f}: ${jit.reason}`).toBe('jit');
        expect(jit.observed, f).toEqual(interp.observed);
      }
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(313);
  });
});
