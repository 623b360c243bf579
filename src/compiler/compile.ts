/**
 * One compile with clang.wasm: build the in-memory filesystem, run the driver in-process on a fresh
 * instance, collect the object and parse the diagnostics. Pure apart from the WebAssembly module it
 * is given, so it runs the same in Node (tests, CLI) and in the compiler worker.
 */
import type { File } from '@bjorn3/browser_wasi_shim';
import { buildClangArgs, resolveOptions, wasmArgPaths } from './args';
import { countErrors, parseClangDiagnostics } from './diagnostics';
import { HEADERS_MOUNT_DIR, OUTPUT_DIR, RESOURCE_INCLUDE_DIR, SOURCE_DIR, TMP_DIR } from './layout';
import type { ClangDiagnostic, CompileInput, CompileOutput } from './types';
import { MemoryFs, dirname, joinPath, mountReadOnly, normalizePath } from './vfs';
import { runWasiCommand } from './wasi-run';

/** The headers every compile sees, as shared read-only files keyed by absolute path. */
export interface SystemHeaders {
  readonly files: ReadonlyMap<string, File>;
  /** Total bytes, for status displays. */
  readonly bytes: number;
}

/**
 * @param playground the playground's header tree (src/compiler/headers), mounted at HEADERS_MOUNT_DIR
 * @param resource clang's resource headers (src/compiler/resource-headers), mounted at RESOURCE_INCLUDE_DIR
 */
export function prepareSystemHeaders(
  playground: ReadonlyMap<string, string>,
  resource: ReadonlyMap<string, string>,
): SystemHeaders {
  const files = new Map([
    ...mountReadOnly(HEADERS_MOUNT_DIR, playground),
    ...mountReadOnly(RESOURCE_INCLUDE_DIR, resource),
  ]);
  let bytes = 0;
  for (const f of files.values()) bytes += f.data.length;
  return { files, bytes };
}

const RESERVED = [HEADERS_MOUNT_DIR, RESOURCE_INCLUDE_DIR, OUTPUT_DIR];

export class CompileInputError extends Error {
  override name = 'CompileInputError';
}

const locationless = (message: string): ClangDiagnostic => ({
  file: null,
  line: 0,
  column: 0,
  severity: 'fatal',
  message,
  option: null,
  ranges: [],
  notes: [],
  fixits: [],
  includedFrom: [],
  snippet: [],
});

/** "clang crashed (unreachable)", or "clang ran out of memory (…)" when LLVM said so before aborting. */
export function crashMessage(crash: string, stderr: string): string {
  const llvm = /LLVM ERROR: (.*)/.exec(stderr)?.[1]?.trim();
  if (llvm !== undefined && /out of memory|allocation failed/i.test(stderr)) return `clang ran out of memory (${llvm})`;
  return `clang crashed (${crash}${llvm === undefined ? '' : `: ${llvm}`})`;
}

export async function compileProgram(
  module: WebAssembly.Module,
  input: CompileInput,
  headers: SystemHeaders,
): Promise<CompileOutput> {
  const options = resolveOptions(input.options);
  const cwd = normalizePath(
    input.workingDirectory ?? (input.entry.startsWith('/') ? dirname(input.entry) : SOURCE_DIR),
  );
  const entryPath = normalizePath(joinPath(cwd, input.entry));
  const files = new Map([...input.files].map(([path, contents]) => [normalizePath(path), contents] as const));
  if (!files.has(entryPath)) throw new CompileInputError(`${input.entry}: no such file among the inputs`);
  const fs = new MemoryFs().mkdirp(TMP_DIR).mkdirp(OUTPUT_DIR).mkdirp(cwd);
  for (const [path, contents] of files) {
    if (RESERVED.some((r) => path === r || path.startsWith(`${r}/`))) {
      throw new CompileInputError(`${path}: this path is reserved for the compiler's own files`);
    }
    fs.addFile(path, contents);
  }
  fs.addFiles(headers.files);
  const root = fs.preopen();
  const paths = wasmArgPaths(input.entry, cwd);
  const args = buildClangArgs(options, paths);
  const run = await runWasiCommand(module, { args, env: [], root: root.dir });

  const parsed = parseClangDiagnostics(run.stderr);
  const diagnostics = [...parsed.diagnostics];
  let crash: string | null = null;
  let object: Uint8Array | null = null;
  if (run.crash !== null) {
    crash = crashMessage(run.crash, run.stderr);
    diagnostics.push(locationless(crash));
  } else if (run.exitCode === 0) {
    object = root.read(paths.output);
    if (object === null) {
      crash = `clang exited successfully but wrote no ${paths.output}`;
      diagnostics.push(locationless(crash));
    } else object = object.slice();
  } else if (countErrors(diagnostics) === 0) {
    const tail = [...parsed.unparsed.slice(-5)].join('\n');
    diagnostics.push(locationless(`clang exited with status ${run.exitCode}${tail === '' ? '' : `:\n${tail}`}`));
  }
  return {
    object,
    diagnostics,
    stdout: run.stdout,
    stderr: run.stderr,
    exitCode: run.exitCode,
    crash,
    durationMs: run.durationMs,
    args,
  };
}

/** The browser's case: one source text (plus optional sibling files for "quoted" includes) in /src. */
export function browserInput(
  source: string,
  fileName: string,
  options: CompileInput['options'],
  extraFiles: ReadonlyMap<string, string> = new Map(),
): CompileInput {
  if (!/^[A-Za-z0-9_.-]+$/.test(fileName) || fileName.startsWith('.')) {
    throw new CompileInputError(`bad file name ${JSON.stringify(fileName)}`);
  }
  const files = new Map<string, string>();
  for (const [rel, text] of extraFiles) {
    if (rel.startsWith('/') || rel.split('/').some((p) => p === '..' || p === '') || /[\0\n]/.test(rel)) {
      throw new CompileInputError(`bad file name ${JSON.stringify(rel)}`);
    }
    files.set(normalizePath(joinPath(SOURCE_DIR, rel)), text);
  }
  files.set(`${SOURCE_DIR}/${fileName}`, source);
  return { entry: fileName, files, workingDirectory: SOURCE_DIR, options };
}
