/** `ebpf-playground compile FILE.c`: compiles with the playground's clang.wasm and headers, like `clang -target bpf -c`. */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CompileOptionError } from '../../compiler/args';
import { CompileInputError } from '../../compiler/compile';
import { countErrors, formatDiagnostics } from '../../compiler/diagnostics';
import { ClangUnavailableError, compileFileNode } from '../../compiler/node';
import type { CpuVersion, OptLevel } from '../../compiler/types';
import { type CliCommand, type CliIo, UsageError } from '../command';

const USAGE = `usage: ebpf-playground compile FILE.c [-o FILE.o] [--cpu vN] [-O N] [-I DIR] [-D NAME[=VAL]]
                                [-W WARNING] [-g0] [--json]

Compiles restricted C to a BPF ELF object with the playground's clang (clang 19 built to
WebAssembly, public/clang/clang.wasm.br) and headers (<linux/bpf.h>, <bpf/bpf_helpers.h>, ...),
as \`clang -target bpf -O2 -mcpu=v3 -g -c\` would. Diagnostics are printed like clang's; the
exit status is 1 when there are errors.
  -o FILE.o        output file (default: FILE with .o, in the current directory)
  --cpu vN         -mcpu=v1|v2|v3|v4 (default v3); --mcpu=vN and -mcpu=vN work too
  -O N             optimisation level 0-3 (default 2); -ON works too
  -I DIR           add DIR to the include path ("quoted" includes also look next to the including file)
  -D NAME[=VAL]    define a macro; -DNAME[=VAL] works too
  -W WARNING       enable a warning (-Wall, -Wextra, -Wno-unused-variable ...)
  -g0              no debug info (default: -g, which gives BTF and line info)
  --json           print {ok, output, objectBytes, crash, durationMs, diagnostics} as JSON on stdout`;

interface Options {
  file: string;
  output: string | null;
  cpu: CpuVersion;
  optLevel: OptLevel;
  includeDirs: string[];
  defines: string[];
  warnings: string[];
  debugInfo: boolean;
  json: boolean;
}

export function parseCompileArgs(args: readonly string[]): Options {
  const o: Options = {
    file: '',
    output: null,
    cpu: 'v3',
    optLevel: 2,
    includeDirs: [],
    defines: [],
    warnings: [],
    debugInfo: true,
    json: false,
  };
  const value = (i: number, flag: string): string => {
    const v = args[i];
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const cpu = (v: string): CpuVersion => {
    if (!/^v[1-4]$/.test(v)) throw new UsageError(`bad cpu '${v}' (v1, v2, v3 or v4)`);
    return v as CpuVersion;
  };
  const opt = (v: string): OptLevel => {
    if (!/^[0-3]$/.test(v)) throw new UsageError(`bad optimisation level '${v}' (0-3)`);
    return Number(v) as OptLevel;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    let m: RegExpExecArray | null;
    if (a === '-o') o.output = value(++i, a);
    else if (a === '--cpu' || a === '--mcpu') o.cpu = cpu(value(++i, a));
    else if ((m = /^--?m?cpu=(.*)$/.exec(a)) !== null) o.cpu = cpu(m[1]!);
    else if (a === '-O') o.optLevel = opt(value(++i, a));
    else if ((m = /^-O(.+)$/.exec(a)) !== null) o.optLevel = opt(m[1]!);
    else if (a === '-I') o.includeDirs.push(value(++i, a));
    else if (a.startsWith('-I')) o.includeDirs.push(a.slice(2));
    else if (a === '-D') o.defines.push(value(++i, a));
    else if (a.startsWith('-D')) o.defines.push(a.slice(2));
    else if (a === '-W') o.warnings.push(value(++i, a));
    else if (a.startsWith('-W')) o.warnings.push(a.slice(2));
    else if (a === '-g0') o.debugInfo = false;
    else if (a === '-g') o.debugInfo = true;
    else if (a === '--json') o.json = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
    else if (o.file === '') o.file = a;
    else throw new UsageError(`unexpected argument '${a}'`);
  }
  if (o.file === '') throw new UsageError('missing FILE.c');
  return o;
}

const defaultOutput = (file: string): string => `${basename(file).replace(/\.[^.]*$/, '')}.o`;

async function run(args: string[], io: CliIo): Promise<number> {
  const o = parseCompileArgs(args);
  const output = o.output ?? defaultOutput(o.file);
  let result;
  try {
    result = await compileFileNode(o.file, {
      cpu: o.cpu,
      optLevel: o.optLevel,
      includeDirs: o.includeDirs,
      defines: o.defines,
      warnings: o.warnings,
      debugInfo: o.debugInfo,
    });
  } catch (e) {
    if (e instanceof CompileOptionError) throw new UsageError(e.message);
    if (
      e instanceof CompileInputError ||
      e instanceof ClangUnavailableError ||
      (e instanceof Error && 'code' in e && e.code === 'ENOENT')
    ) {
      io.err(`ebpf-playground compile: ${e.message}`);
      return 1;
    }
    throw e;
  }
  if (result.object !== null) await writeFile(output, result.object);
  const ok = result.object !== null && countErrors(result.diagnostics) === 0;
  if (o.json) {
    io.out(
      JSON.stringify(
        {
          ok,
          output: result.object === null ? null : output,
          objectBytes: result.object?.length ?? 0,
          crash: result.crash,
          durationMs: Math.round(result.durationMs),
          diagnostics: result.diagnostics,
        },
        null,
        2,
      ),
    );
  } else {
    const text = formatDiagnostics(result.diagnostics);
    if (text !== '') io.err(text);
  }
  return ok ? 0 : 1;
}

export const compileCommand: CliCommand = {
  name: 'compile',
  summary: 'compile restricted C to a BPF object with the playground clang.wasm',
  usage: USAGE,
  run,
};
