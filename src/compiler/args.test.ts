import { describe, expect, it } from 'vitest';
import { CompileOptionError, buildClangArgs, outputPathFor, resolveOptions, wasmArgPaths } from './args';

describe('clang argv', () => {
  it('defaults to -O2 -mcpu=v3 -g with machine-readable diagnostics and only our headers', () => {
    const args = buildClangArgs(resolveOptions(), wasmArgPaths('prog.c', '/src'));
    expect(args).toEqual([
      'clang',
      '-target',
      'bpf',
      '-O2',
      '-mcpu=v3',
      '-g',
      '-fno-color-diagnostics',
      '-fmessage-length=0',
      '-fdiagnostics-parseable-fixits',
      '-fdiagnostics-print-source-range-info',
      '-resource-dir',
      '/usr/lib/clang/19',
      '-nostdlibinc',
      '-isystem',
      '/usr/include/playground',
      '-working-directory',
      '/src',
      '-c',
      'prog.c',
      '-o',
      '/out/prog.o',
    ]);
  });

  it('passes -O, -mcpu, -g0, -I, -D and -W through', () => {
    const args = buildClangArgs(
      resolveOptions({
        optLevel: 0,
        cpu: 'v4',
        debugInfo: false,
        includeDirs: ['inc', '/abs'],
        defines: ['A', 'B=2', 'F(x)=((x)+1)'],
        warnings: ['all', 'no-unused-variable', 'error=format'],
      }),
      wasmArgPaths('dir/x.c', '/src'),
    );
    expect(args.slice(3, 5)).toEqual(['-O0', '-mcpu=v4']);
    expect(args).not.toContain('-g');
    expect(args.slice(args.indexOf('-working-directory') + 2, args.indexOf('-c'))).toEqual([
      '-I',
      'inc',
      '-I',
      '/abs',
      '-DA',
      '-DB=2',
      '-DF(x)=((x)+1)',
      '-Wall',
      '-Wno-unused-variable',
      '-Werror=format',
    ]);
    expect(args.slice(-3)).toEqual(['dir/x.c', '-o', '/out/x.o']);
  });

  it('refuses values clang would read as other flags or that are not options', () => {
    expect(() => resolveOptions({ cpu: 'v9' as 'v1' })).toThrow(CompileOptionError);
    expect(() => resolveOptions({ optLevel: 4 as 0 })).toThrow(/optimisation level/);
    expect(() => resolveOptions({ defines: ['-fplugin=x'] })).toThrow(/bad -D/);
    expect(() => resolveOptions({ defines: ['A\nB'] })).toThrow(/bad -D/);
    expect(() => resolveOptions({ warnings: ['l,-rpath'] })).toThrow(/bad -W/);
    expect(() => resolveOptions({ includeDirs: ['-Xclang'] })).toThrow(/bad -I/);
  });

  it('names the object after the source', () => {
    expect(outputPathFor('prog.c')).toBe('/out/prog.o');
    expect(outputPathFor('/home/u/a.b.c')).toBe('/out/a.b.o');
    expect(outputPathFor('noext')).toBe('/out/noext.o');
  });
});
