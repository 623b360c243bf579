// clang.wasm against native clang-19: the same inputs, flags and header files must give the same
// objects (.text, relocations, maps, BTF, debug info modulo the version string) and the same
// diagnostics; the objects load; clang's own crashes come back as crash reports.
// Needs public/clang/clang.wasm.br (or $EBPF_PLAYGROUND_CLANG_WASM) and clang-19: skips loudly without.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadObject } from '../../src/bpf/object';
import { browserInput, compileProgram, type SystemHeaders } from '../../src/compiler/compile';
import { compileFileNode, getNodeClang, nodeSystemHeaders } from '../../src/compiler/node';
import { toCompileResult } from '../../src/compiler/protocol-map';
import { compareObjects } from './compare-objects';
import { corpus } from './corpus';
import { DIAGNOSTIC_CASES, recordedStderr } from './diagnostic-cases';
import { compileNative } from './native';
import { CLANG19, HAS_CLANG_WASM, scratch, skipLoudly } from './toolchain';

const ROOT = join(import.meta.dirname, '..', '..');

describe.skipIf(skipLoudly('compareObjects self-test', CLANG19 !== null, 'clang-19 is not installed'))(
  'compareObjects',
  () => {
    it('passes identical objects and catches code differences', () => {
      const c = corpus().find((x) => x.name === 'xdp_parse.c -mcpu=v3')!;
      const a = compileNative(c.input, nodeSystemHeaders()).object!;
      const b = compileNative(c.input, nodeSystemHeaders()).object!;
      expect(compareObjects(a, b)).toEqual([]);
      const v1 = compileNative({ ...c.input, options: { cpu: 'v1' } }, nodeSystemHeaders()).object!;
      expect(compareObjects(a, v1)).toContain('xdp: contents differ');
      const o0 = compileNative({ ...c.input, options: { optLevel: 0 } }, nodeSystemHeaders()).object!;
      expect(compareObjects(a, o0).join('\n')).toMatch(/^section lists differ/);
    });
  },
);

const skipWasm = skipLoudly(
  'clang.wasm differential tests',
  HAS_CLANG_WASM && CLANG19 !== null,
  HAS_CLANG_WASM ? 'clang-19 is not installed' : 'clang.wasm is not built yet (public/clang/clang.wasm.br)',
);

describe.skipIf(skipWasm)('clang.wasm vs native clang-19', () => {
  let module: WebAssembly.Module;
  let headers: SystemHeaders;

  beforeAll(async () => {
    module = (await getNodeClang()).module;
    headers = nodeSystemHeaders();
  }, 300_000);

  for (const c of corpus()) {
    it(c.name, async () => {
      const wasm = await compileProgram(module, c.input, headers);
      const native = compileNative(c.input, headers);
      expect(wasm.crash).toBeNull();
      expect(wasm.stderr).toBe(native.stderr);
      expect(wasm.exitCode).toBe(native.exitCode);
      expect(wasm.object === null).toBe(native.object === null);
      if (wasm.object !== null && native.object !== null) {
        expect(compareObjects(wasm.object, native.object)).toEqual([]);
        const loaded = loadObject(wasm.object);
        expect(loaded.programs.length).toBeGreaterThan(0);
      }
    });
  }

  for (const c of DIAGNOSTIC_CASES) {
    it(`diagnostics: ${c.name}`, async () => {
      const wasm = await compileProgram(module, c.input, headers);
      expect(wasm.stderr).toBe(recordedStderr(c.name));
    });
  }

  it("crashes inside clang come back as 'clang crashed (…)', and the next compile works", async () => {
    const crash = await compileProgram(
      module,
      browserInput('#pragma clang __debug crash\nint x;\n', 'prog.c', {}),
      headers,
    );
    expect(crash.object).toBeNull();
    expect(crash.exitCode).toBeNull();
    expect(crash.crash).toMatch(/^clang crashed \(/);
    expect(crash.diagnostics.at(-1)).toMatchObject({ severity: 'fatal', message: crash.crash });
    expect(toCompileResult(crash, 'prog.c')).toMatchObject({ object: null, crash: crash.crash });

    const overflow = await compileProgram(
      module,
      browserInput('#pragma clang __debug overflow_stack\nint x;\n', 'prog.c', {}),
      headers,
    );
    expect(overflow.crash).toMatch(/^clang crashed \(/);

    const ok = await compileProgram(module, browserInput('int x = 1;\n', 'prog.c', {}), headers);
    expect(ok.crash).toBeNull();
    expect(ok.object).not.toBeNull();
  });

  it('compiles host files with compileFileNode, as native clang-19 in the same directory would', async () => {
    const dir = join(scratch(), 'host-project');
    mkdirSync(join(dir, 'inc'), { recursive: true });
    writeFileSync(join(dir, 'inc', 'limits_cfg.h'), '#define LIMIT 3\n');
    writeFileSync(
      join(dir, 'prog.c'),
      '#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\n#include "limits_cfg.h"\nSEC("xdp") int f(struct xdp_md *c) { return c->ingress_ifindex > LIMIT + EXTRA ? XDP_DROP : XDP_PASS; }\nchar LICENSE[] SEC("license") = "GPL";\n',
    );
    const out = await compileFileNode('prog.c', { cwd: dir, includeDirs: ['inc'], defines: ['EXTRA=2'] });
    expect(out.stderr).toBe('');
    expect(out.object).not.toBeNull();
    expect(Buffer.from(out.object!).includes(Buffer.from(`${dir}/prog.c`))).toBe(true); // BTF line info names the host file
    const missing = await compileFileNode('prog.c', { cwd: dir, defines: ['EXTRA=2'] });
    expect(missing.diagnostics[0]).toMatchObject({ file: 'prog.c', line: 3, severity: 'fatal' });
  });

  it('the CLI compiles, prints diagnostics like clang and sets the exit status', () => {
    const dir = join(scratch(), 'cli');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'good.c'), 'int x = 1;\n');
    writeFileSync(join(dir, 'bad.c'), 'int f(void) { return y; }\n');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'src/cli/bin.mjs'), 'compile', ...args], { cwd: dir, encoding: 'utf8' });
    const good = cli('good.c', '-o', 'out.o', '--cpu', 'v2', '-O', '1');
    expect(good.status).toBe(0);
    expect(good.stderr).toBe('');
    expect(readFileSync(join(dir, 'out.o')).subarray(0, 4)).toEqual(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
    const bad = cli('bad.c');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.c:1:22: error: use of undeclared identifier 'y'\n/);
    expect(bad.stderr).toMatch(/1 error generated\.\n$/);
    const json = cli('bad.c', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, output: null, diagnostics: [{ line: 1, column: 22 }] });
    if (CLANG19 !== null) {
      // Same bytes as native clang-19 -O1 -mcpu=v2 without debug info (no paths involved).
      execFileSync(CLANG19, ['-target', 'bpf', '-O1', '-mcpu=v2', '-c', 'good.c', '-o', 'native.o'], { cwd: dir });
      expect(cli('good.c', '-o', 'nog.o', '--cpu', 'v2', '-O1', '-g0').status).toBe(0);
      expect(compareObjects(readFileSync(join(dir, 'nog.o')), readFileSync(join(dir, 'native.o')))).toEqual([]);
    }
  });
});
