/** clang's command line for one compile: the same argv for clang.wasm and (path-mapped) native clang-19. */
import { CLANG_ARGV0, HEADERS_MOUNT_DIR, OUTPUT_DIR, RESOURCE_DIR } from './layout';
import type { ClangOptions, CpuVersion, OptLevel } from './types';

export const DEFAULT_OPTIONS: Required<ClangOptions> = {
  optLevel: 2,
  cpu: 'v3',
  debugInfo: true,
  defines: [],
  includeDirs: [],
  warnings: [],
};

/** An option value clang must never see (it would be read as another flag, or is not an option at all). */
export class CompileOptionError extends Error {
  override name = 'CompileOptionError';
}

const OPT_LEVELS: readonly OptLevel[] = [0, 1, 2, 3];
const CPUS: readonly CpuVersion[] = ['v1', 'v2', 'v3', 'v4'];
/** NAME, NAME=VALUE or NAME(ARGS)=VALUE, one line. */
const DEFINE = /^[A-Za-z_][A-Za-z0-9_]*(\([A-Za-z0-9_, .]*\))?(=[^\n\r]*)?$/;
/** all, extra, error, error=foo, no-unused-variable, format=2 … (never -Wl,… or -Wa,…). */
const WARNING = /^[a-z][a-z0-9+-]*(=[a-z0-9+-]+)?$/;

/**
 * Flags that make clang's stderr machine-readable; they do not change the object. The shim's stderr
 * may look like a terminal to clang, so colours and line wrapping are switched off explicitly.
 */
export const DIAGNOSTIC_FLAGS: readonly string[] = [
  '-fno-color-diagnostics',
  '-fmessage-length=0',
  '-fdiagnostics-parseable-fixits',
  '-fdiagnostics-print-source-range-info',
];

export function resolveOptions(options: ClangOptions = {}): Required<ClangOptions> {
  const o = { ...DEFAULT_OPTIONS, ...options };
  if (!OPT_LEVELS.includes(o.optLevel)) throw new CompileOptionError(`bad optimisation level ${String(o.optLevel)}`);
  if (!CPUS.includes(o.cpu)) throw new CompileOptionError(`bad cpu ${String(o.cpu)} (v1, v2, v3 or v4)`);
  for (const d of o.defines) if (!DEFINE.test(d)) throw new CompileOptionError(`bad -D value ${JSON.stringify(d)}`);
  for (const w of o.warnings) if (!WARNING.test(w)) throw new CompileOptionError(`bad -W value ${JSON.stringify(w)}`);
  for (const dir of o.includeDirs) {
    if (dir === '' || dir.startsWith('-') || /[\n\r\0]/.test(dir)) {
      throw new CompileOptionError(`bad -I directory ${JSON.stringify(dir)}`);
    }
  }
  return o;
}

export interface ArgPaths {
  readonly resourceDir: string;
  readonly headersDir: string;
  readonly workingDirectory: string;
  readonly entry: string;
  readonly output: string;
}

/** Object path for an entry: /out/<basename without .c>.o */
export function outputPathFor(entry: string): string {
  const base = entry.slice(entry.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  return `${OUTPUT_DIR}/${base === '' ? 'out' : base}.o`;
}

/**
 * The driver's argv (argv[0] included). `paths` lets native clang run the identical command
 * against a host mirror of the in-memory layout.
 */
export function buildClangArgs(options: Required<ClangOptions>, paths: ArgPaths): string[] {
  return [
    CLANG_ARGV0,
    '-target',
    'bpf',
    `-O${options.optLevel}`,
    `-mcpu=${options.cpu}`,
    ...(options.debugInfo ? ['-g'] : []),
    ...DIAGNOSTIC_FLAGS,
    '-resource-dir',
    paths.resourceDir,
    '-nostdlibinc',
    '-isystem',
    paths.headersDir,
    '-working-directory',
    paths.workingDirectory,
    ...options.includeDirs.flatMap((d) => ['-I', d]),
    ...options.defines.map((d) => `-D${d}`),
    ...options.warnings.map((w) => `-W${w}`),
    '-c',
    paths.entry,
    '-o',
    paths.output,
  ];
}

/** The in-memory layout's paths for an entry. */
export function wasmArgPaths(entry: string, workingDirectory: string): ArgPaths {
  return {
    resourceDir: RESOURCE_DIR,
    headersDir: HEADERS_MOUNT_DIR,
    workingDirectory,
    entry,
    output: outputPathFor(entry),
  };
}
