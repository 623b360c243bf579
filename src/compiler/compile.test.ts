import { describe, expect, it } from 'vitest';
import { CompileInputError, browserInput, compileProgram, crashMessage, prepareSystemHeaders } from './compile';

const EMPTY_MODULE = new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
const headers = prepareSystemHeaders(new Map([['linux/bpf.h', 'x']]), new Map([['stdint.h', 'yy']]));

describe('compileProgram input checks', () => {
  it('mounts the headers where the argv expects them', () => {
    expect([...headers.files.keys()]).toEqual([
      '/usr/include/playground/linux/bpf.h',
      '/usr/lib/clang/19/include/stdint.h',
    ]);
    expect(headers.bytes).toBe(3);
  });

  it('puts the browser file and its siblings in /src', () => {
    const input = browserInput('int x;', 'prog.c', { cpu: 'v2' }, new Map([['inc/a.h', 'int a;']]));
    expect(input).toEqual({
      entry: 'prog.c',
      workingDirectory: '/src',
      options: { cpu: 'v2' },
      files: new Map([
        ['/src/inc/a.h', 'int a;'],
        ['/src/prog.c', 'int x;'],
      ]),
    });
    expect(() => browserInput('', '../etc/x.c', {})).toThrow(CompileInputError);
    expect(() => browserInput('', '.hidden.c', {})).toThrow(/bad file name/);
    for (const bad of ['../x.h', '/abs.h', 'a//b.h', 'a/../../b.h']) {
      expect(() => browserInput('', 'p.c', {}, new Map([[bad, '']])), bad).toThrow(/bad file name/);
    }
  });

  it('refuses a missing entry and files on the compiler’s own paths', async () => {
    await expect(
      compileProgram(EMPTY_MODULE, { entry: 'p.c', files: new Map([['/src/q.c', '']]) }, headers),
    ).rejects.toThrow(/p\.c: no such file among the inputs/);
    await expect(
      compileProgram(
        EMPTY_MODULE,
        {
          entry: '/src/p.c',
          files: new Map([
            ['/src/p.c', ''],
            ['/usr/include/playground/linux/bpf.h', ''],
          ]),
        },
        headers,
      ),
    ).rejects.toThrow(/reserved/);
  });

  it('reports a module that is not clang (no _start) as a crash, not an exception', async () => {
    const out = await compileProgram(EMPTY_MODULE, browserInput('int x;', 'prog.c', {}), headers);
    expect(out.object).toBeNull();
    expect(out.exitCode).toBeNull();
    expect(out.crash).toMatch(/^clang crashed \(/);
    expect(out.diagnostics).toEqual([expect.objectContaining({ file: null, severity: 'fatal', message: out.crash })]);
  });
});

describe('crashMessage', () => {
  it('names traps, and out-of-memory when LLVM said so first', () => {
    expect(crashMessage('unreachable', '')).toBe('clang crashed (unreachable)');
    expect(crashMessage('unreachable', 'LLVM ERROR: out of memory\nAllocation failed\n')).toBe(
      'clang ran out of memory (out of memory)',
    );
    expect(crashMessage('unreachable', 'LLVM ERROR: Cannot select: 0x1\n')).toBe(
      'clang crashed (unreachable: Cannot select: 0x1)',
    );
  });
});
