// The WASI/filesystem layer under clang.wasm, exercised by a small wasm32-wasi program that reads,
// creates (O_EXCL, random names), renames and lists files like clang's driver, exits, traps and
// overflows its stack. Built here with Debian's clang-19 and wasi-libc.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryFs, listFiles } from '../../src/compiler/vfs';
import { runWasiCommand } from '../../src/compiler/wasi-run';
import { parseClangDiagnostics } from '../../src/compiler/diagnostics';
import { CAN_BUILD_PROBE, PROBE_MISSING, probeWasm } from './probe';
import { skipLoudly } from './toolchain';

const skip = skipLoudly('WASI layer tests', CAN_BUILD_PROBE, PROBE_MISSING);

describe.skipIf(skip)('WASI layer (wasm32-wasi probe program)', () => {
  let probe: WebAssembly.Module;

  beforeAll(async () => {
    probe = await WebAssembly.compile(probeWasm() as Uint8Array<ArrayBuffer>);
  });

  const fsWith = () =>
    new MemoryFs()
      .mkdirp('/tmp')
      .mkdirp('/out')
      .addFile('/src/prog.c', '#include "sub/a.h"\nint main;\n')
      .addFile('/src/sub/a.h', '#include "b.h"\nint a;\n')
      .addFile('/src/sub/b.h', 'int b;\n', true);

  it('reads nested includes, writes a random-named temporary and renames it, like clang', async () => {
    const root = fsWith().preopen();
    const r = await runWasiCommand(probe, { args: ['probe', 'compile', '/src/prog.c', '/out/prog.o'], root: root.dir });
    expect(r.crash).toBeNull();
    expect(r.stderr).toBe('/src/prog.c:1:1: warning: copied 24 bytes [-Wprobe]\n');
    expect(r.exitCode).toBe(0);
    expect(new TextDecoder().decode(root.read('/out/prog.o')!)).toBe('int b;\nint a;\nint main;\n');
    // The temporary was renamed away, not copied: only the object is left in /out.
    const tmp = r.stdout.trim();
    expect(tmp).toMatch(/^\/out\/prog\.o-[0-9a-f]{12}\.tmp$/);
    expect(root.read(tmp)).toBeNull();
    expect(listFiles(root.dir.dir).filter((p) => p.startsWith('/out/'))).toEqual(['/out/prog.o']);
    expect(parseClangDiagnostics(r.stderr).diagnostics[0]).toMatchObject({
      file: '/src/prog.c',
      severity: 'warning',
      option: '-Wprobe',
    });
  });

  it('uses fresh random names on every run (random_get works)', async () => {
    const names = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const r = await runWasiCommand(probe, {
        args: ['probe', 'compile', '/src/prog.c', '/out/prog.o'],
        root: fsWith().preopen().dir,
      });
      names.add(r.stdout.trim());
    }
    expect(names.size).toBe(3);
  });

  it('reports a missing file as the program does (ENOENT), not as a crash', async () => {
    const r = await runWasiCommand(probe, {
      args: ['probe', 'compile', '/src/nothere.c', '/out/x.o'],
      root: fsWith().preopen().dir,
    });
    expect(r.crash).toBeNull();
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('/src/nothere.c: cannot open: No such file or directory\n');
  });

  it('refuses to create the output in a read-only or missing directory', async () => {
    const r = await runWasiCommand(probe, {
      args: ['probe', 'compile', '/src/prog.c', '/nodir/prog.o'],
      root: fsWith().preopen().dir,
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^\/nodir\/prog\.o-[0-9a-f]{12}\.tmp: cannot create: No such file or directory\n$/);
  });

  it('lists directories and stats files and directories', async () => {
    const ls = await runWasiCommand(probe, { args: ['probe', 'ls', '/src/sub'], root: fsWith().preopen().dir });
    expect(ls.stdout.split('\n').filter(Boolean).sort()).toEqual(['a.h', 'b.h']);
    const st = async (p: string) =>
      (await runWasiCommand(probe, { args: ['probe', 'stat', p], root: fsWith().preopen().dir })).stdout;
    expect(await st('/src/sub/a.h')).toBe('file 22\n');
    expect(await st('/src/sub')).toBe('dir\n');
    expect(await st('/src/none')).toBe('missing\n');
  });

  it('keeps the shim quiet (it logs every call unless told not to)', async () => {
    const log = vi.spyOn(console, 'log');
    try {
      await runWasiCommand(probe, { args: ['probe', 'stat', '/src'], root: fsWith().preopen().dir });
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  it("changes directory and resolves relative paths against it (clang's -working-directory)", async () => {
    const r = await runWasiCommand(probe, { args: ['probe', 'cwd', '/src/sub', 'a.h'], root: fsWith().preopen().dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('/src/sub\nint b;\nint a;\n');
    const bad = await runWasiCommand(probe, { args: ['probe', 'cwd', '/nope', 'a.h'], root: fsWith().preopen().dir });
    expect(bad).toMatchObject({ exitCode: 1, stderr: 'chdir /nope: No such file or directory\n' });
  });

  it('returns exit statuses', async () => {
    const r = await runWasiCommand(probe, { args: ['probe', 'exit', '3'], root: fsWith().preopen().dir });
    expect(r).toMatchObject({ exitCode: 3, crash: null });
  });

  it('turns a trap into a crash report instead of throwing', async () => {
    const r = await runWasiCommand(probe, { args: ['probe', 'trap'], root: fsWith().preopen().dir });
    expect(r.exitCode).toBeNull();
    expect(r.crash).toMatch(/unreachable/);
  });

  it('turns a stack overflow into a crash report instead of throwing', async () => {
    const r = await runWasiCommand(probe, { args: ['probe', 'recurse'], root: fsWith().preopen().dir });
    expect(r.exitCode).toBeNull();
    expect(r.crash).toMatch(/^stack overflow: Maximum call stack size exceeded$|memory access out of bounds/);
  });

  it('reuses one compiled module for many instances', async () => {
    for (let i = 0; i < 20; i++) {
      const r = await runWasiCommand(probe, { args: ['probe', 'exit', String(i)], root: fsWith().preopen().dir });
      expect(r.exitCode).toBe(i);
    }
  });
});
