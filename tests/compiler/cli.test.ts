// `ebpf-playground compile`: argument parsing, and the command end to end through src/cli/bin.mjs
// with clang.wasm missing and with the WASI probe standing in for it (the real compiler's end-to-end
// test is in clang-wasm.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCompileArgs } from '../../src/cli/commands/compile';
import { UsageError } from '../../src/cli/command';
import { CLANG_WASM_ENV } from '../../src/compiler/node';
import { CAN_BUILD_PROBE, PROBE_MISSING, probeWasm } from './probe';
import { scratch, skipLoudly } from './toolchain';

const BIN = join(import.meta.dirname, '..', '..', 'src', 'cli', 'bin.mjs');

describe('parseCompileArgs', () => {
  it('reads clang-style and long options', () => {
    expect(
      parseCompileArgs([
        'x.c',
        '-o',
        'y.o',
        '--cpu',
        'v2',
        '-O',
        '1',
        '-I',
        'a',
        '-Ib',
        '-D',
        'X=1',
        '-DY',
        '-Wall',
        '-g0',
        '--json',
      ]),
    ).toEqual({
      file: 'x.c',
      output: 'y.o',
      cpu: 'v2',
      optLevel: 1,
      includeDirs: ['a', 'b'],
      defines: ['X=1', 'Y'],
      warnings: ['all'],
      debugInfo: false,
      json: true,
    });
    expect(parseCompileArgs(['-mcpu=v4', '-O0', 'p.c'])).toMatchObject({ file: 'p.c', cpu: 'v4', optLevel: 0 });
    expect(parseCompileArgs(['--mcpu=v1', 'p.c'])).toMatchObject({ cpu: 'v1', output: null, debugInfo: true });
  });

  it('rejects what it does not understand', () => {
    expect(() => parseCompileArgs([])).toThrow(UsageError);
    expect(() => parseCompileArgs(['a.c', 'b.c'])).toThrow(/unexpected argument 'b.c'/);
    expect(() => parseCompileArgs(['a.c', '--cpu', 'v5'])).toThrow(/bad cpu 'v5'/);
    expect(() => parseCompileArgs(['a.c', '-O7'])).toThrow(/bad optimisation level '7'/);
    expect(() => parseCompileArgs(['a.c', '-o'])).toThrow(/-o needs a value/);
    expect(() => parseCompileArgs(['a.c', '--frobnicate'])).toThrow(/unknown option/);
  });
});

const cli = (env: Record<string, string>, cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, 'compile', ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });

describe('ebpf-playground compile (process)', () => {
  it('says so when clang.wasm is unavailable, exit status 1', () => {
    const dir = join(scratch(), 'cli-missing');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'p.c'), 'int x;\n');
    const r = cli({ [CLANG_WASM_ENV]: join(dir, 'nothing.wasm') }, dir, 'p.c');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `ebpf-playground compile: clang.wasm is not available: ${CLANG_WASM_ENV}=${join(dir, 'nothing.wasm')} does not exist\n`,
    );
  });

  it('reports a missing source file and usage errors', () => {
    const dir = join(scratch(), 'cli-missing');
    mkdirSync(dir, { recursive: true });
    const r = cli({}, dir, 'none.c');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^ebpf-playground compile: ENOENT: no such file or directory/);
    expect(cli({}, dir, '--cpu', 'v7', 'x.c').status).toBe(2);
  });

  it.skipIf(skipLoudly('CLI run with the probe module', CAN_BUILD_PROBE, PROBE_MISSING))(
    'prints a module failure as a fatal error and writes no object',
    () => {
      const dir = join(scratch(), 'cli-probe');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'probe.wasm'), probeWasm());
      writeFileSync(join(dir, 'p.c'), 'int x;\n');
      const r = cli({ [CLANG_WASM_ENV]: join(dir, 'probe.wasm') }, dir, 'p.c', '--json');
      expect(r.status).toBe(1);
      const json = JSON.parse(r.stdout) as { ok: boolean; output: null; diagnostics: { message: string }[] };
      expect(json).toMatchObject({ ok: false, output: null, crash: null });
      expect(json.diagnostics[0]!.message).toMatch(/^clang exited with status 2:\nusage: probe/);
    },
  );
});
