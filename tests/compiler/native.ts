/**
 * Native clang-19 on the same inputs as clang.wasm: the in-memory layout (src/compiler/layout.ts)
 * is written out under a fresh host directory ROOT, and clang-19 runs the same argv with every
 * path prefixed by ROOT and -ffile-prefix-map=ROOT= so that debug info and BTF name the same
 * paths as the wasm compile. Diagnostics get ROOT stripped.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildClangArgs, resolveOptions, wasmArgPaths } from '../../src/compiler/args';
import type { SystemHeaders } from '../../src/compiler/compile';
import { SOURCE_DIR } from '../../src/compiler/layout';
import type { CompileInput } from '../../src/compiler/types';
import { normalizePath } from '../../src/compiler/vfs';
import { CLANG19, scratch } from './toolchain';

export interface NativeOutput {
  readonly object: Uint8Array | null;
  readonly stderr: string;
  readonly exitCode: number | null;
  readonly args: readonly string[];
  readonly ms: number;
}

/** Writes the compile's files and headers under a new directory; returns it. */
export function materialise(input: CompileInput, headers: SystemHeaders): string {
  const root = mkdtempSync(join(scratch(), 'root-'));
  const write = (path: string, data: string | Uint8Array) => {
    const host = join(root, path);
    mkdirSync(dirname(host), { recursive: true });
    writeFileSync(host, data);
  };
  for (const [path, file] of headers.files) write(path, file.data);
  for (const [path, contents] of input.files) write(normalizePath(path), contents);
  for (const d of ['/tmp', '/out']) mkdirSync(join(root, d), { recursive: true });
  return root;
}

/** The native argv for `input` under `root` (argv[0] = clang-19). */
export function nativeArgs(input: CompileInput, root: string): string[] {
  const cwd = normalizePath(
    input.workingDirectory ?? (input.entry.startsWith('/') ? dirname(input.entry) : SOURCE_DIR),
  );
  const paths = wasmArgPaths(input.entry, cwd);
  const options = resolveOptions(input.options);
  const args = buildClangArgs(
    { ...options, includeDirs: options.includeDirs.map((d) => (d.startsWith('/') ? root + d : d)) },
    {
      resourceDir: root + paths.resourceDir,
      headersDir: root + paths.headersDir,
      workingDirectory: root + paths.workingDirectory,
      entry: input.entry.startsWith('/') ? root + input.entry : input.entry,
      output: root + paths.output,
    },
  );
  args[0] = CLANG19 ?? 'clang-19';
  args.splice(args.indexOf('-c'), 0, `-ffile-prefix-map=${root}=`);
  return args;
}

export function compileNative(input: CompileInput, headers: SystemHeaders): NativeOutput {
  const root = materialise(input, headers);
  try {
    const args = nativeArgs(input, root);
    const started = performance.now();
    const r = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', cwd: root });
    const ms = performance.now() - started;
    const output = root + wasmArgPaths(input.entry, '/').output;
    let object: Uint8Array | null = null;
    if (r.status === 0) object = new Uint8Array(readFileSync(output));
    return { object, stderr: r.stderr.split(root).join(''), exitCode: r.status, args, ms };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
