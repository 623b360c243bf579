/**
 * The bpf_conformance suites from ../shared/conformance (next to the repository): every positive
 * file must produce its result, every negative file must be rejected.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { judgeNegative, judgePositive } from './run-case';

const ROOT = fileURLToPath(new URL('../../../shared/conformance', import.meta.url));
const available = existsSync(join(ROOT, 'tests'));
if (!available) console.warn(`SKIPPING conformance suites: ${ROOT} does not exist`);

const dataFiles = (dir: string): string[] =>
  available
    ? readdirSync(join(ROOT, dir))
        .filter((f) => f.endsWith('.data'))
        .sort()
    : [];

describe.skipIf(!available)('bpf_conformance (../shared/conformance)', () => {
  it('passes every file in tests/', () => {
    const files = dataFiles('tests');
    const failures = files
      .map((f) => ({ f, v: judgePositive(readFileSync(join(ROOT, 'tests', f), 'utf8')) }))
      .filter(({ v }) => !v.ok)
      .map(({ f, v }) => `${f}: ${v.reason}`);
    expect(failures).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(313);
  });

  it('rejects every file in negative/', () => {
    const files = dataFiles('negative');
    const accepted = files
      .map((f) => ({ f, v: judgeNegative(readFileSync(join(ROOT, 'negative', f), 'utf8')) }))
      .filter(({ v }) => !v.ok)
      .map(({ f, v }) => `${f}: ${v.reason}`);
    expect(accepted).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
  });
});

describe('conformance judging', () => {
  const file = (result: string): string => `-- asm\nmov %r0, 7\nexit\n-- result\n${result}\n`;
  it('passes a matching result and fails a different one', () => {
    expect(judgePositive(file('0x7')).ok).toBe(true);
    expect(judgePositive(file('0x8'))).toMatchObject({ ok: false, reason: 'expected 0x8, returned 0x7' });
  });
  it('negative mode accepts only a file whose result we reproduce', () => {
    expect(judgeNegative(file('0x7')).ok).toBe(false);
    expect(judgeNegative(file('0x8')).ok).toBe(true);
    expect(judgeNegative('-- asm\nmov %r0, 7\nexit\n').ok).toBe(true);
    expect(judgeNegative('-- asm\nbogus %r0\n-- result\n0x0\n').ok).toBe(true);
  });
  it('reads -- raw words and memory bytes', () => {
    const raw =
      '-- raw\n0x00000000000000b7\n0x0000000000000061\n0x0000000000000095\n-- mem\n11 22 33 44\n-- result\n0x0\n';
    // mov r0, 0; ldxw r0, [r0]: a load from address 0 faults, so the expected 0x0 is not produced.
    expect(judgePositive(raw).ok).toBe(false);
    // ldxw r0, [r1]: little-endian read of the memory.
    const ok = '-- raw\n0x0000000000001061\n0x0000000000000095\n-- mem\n11 22 33 44\n-- result\n0x44332211\n';
    expect(judgePositive(ok)).toMatchObject({ ok: true });
  });
});
