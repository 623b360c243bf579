/**
 * Node platform pieces: read the committed artifact (public/clang/) with node:fs, load the headers
 * from disk, and compile host files by mirroring them into the in-memory filesystem at their own
 * paths (so diagnostics name them as clang would). Used by the CLI, the tests and the benchmark.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadHeaderTreeFromDisk } from './headers/node-headers';
import { compileProgram, prepareSystemHeaders, type SystemHeaders } from './compile';
import { type ArtifactSource, type LoadedClang, createClangLoader } from './load';
import { isWasm } from './decompress';
import { type ArtifactFormat, parseManifest } from './manifest';
import type { ClangOptions, CompileOutput } from './types';

/** public/clang of this checkout. */
export const DEFAULT_ARTIFACT_DIR = fileURLToPath(new URL('../../public/clang', import.meta.url));
export const RESOURCE_HEADERS_DISK_DIR = fileURLToPath(new URL('./resource-headers/include', import.meta.url));
/** Overrides the artifact with a raw clang.wasm (e.g. a fresh build) for development. */
export const CLANG_WASM_ENV = 'EBPF_PLAYGROUND_CLANG_WASM';

/** clang.wasm cannot be found: not built in this checkout, or $EBPF_PLAYGROUND_CLANG_WASM names no file. */
export class ClangUnavailableError extends Error {
  override name = 'ClangUnavailableError';
}

/** public/clang/{manifest.json, clang.wasm.br} read with node:fs. */
export function nodeArtifactSource(dir: string = DEFAULT_ARTIFACT_DIR): ArtifactSource {
  return {
    location: dir,
    manifest: async () => parseManifest(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))),
    async open(manifest) {
      const bytes = await readFile(join(dir, manifest.compressed.file));
      return { body: new Blob([bytes]).stream(), size: bytes.length, fromCache: false };
    },
  };
}

/** A raw (uncompressed) clang.wasm with no manifest: development builds. */
export function rawWasmSource(path: string): ArtifactSource {
  return {
    location: path,
    manifest: async () => {
      const size = statSync(path).size;
      const file = { file: path, size, sha256: '0'.repeat(64) };
      return {
        llvmVersion: 'unknown (raw development build)',
        versionString: null,
        raw: file,
        compressed: { ...file, format: 'wasm' },
      };
    },
    async open() {
      const bytes = await readFile(path);
      return { body: new Blob([bytes]).stream(), size: bytes.length, fromCache: false };
    },
  };
}

/** Node's decompress + compile: zlib is faster here than streams. */
export function nodeCompile(bytes: Uint8Array<ArrayBuffer>, format: ArtifactFormat): Promise<WebAssembly.Module> {
  if (isWasm(bytes) || format === 'wasm') return WebAssembly.compile(bytes);
  const decoded = format === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes);
  return WebAssembly.compile(
    new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.length) as Uint8Array<ArrayBuffer>,
  );
}

export const ARTIFACT_FILE = 'clang.wasm.br';

/** The artifact Node uses: $EBPF_PLAYGROUND_CLANG_WASM, else public/clang when present; null when neither exists. */
export function findNodeArtifact(): ArtifactSource | null {
  const raw = process.env[CLANG_WASM_ENV];
  if (raw !== undefined && raw !== '') {
    if (!existsSync(raw))
      throw new ClangUnavailableError(`clang.wasm is not available: ${CLANG_WASM_ENV}=${raw} does not exist`);
    return rawWasmSource(raw);
  }
  if (
    existsSync(join(DEFAULT_ARTIFACT_DIR, 'manifest.json')) &&
    existsSync(join(DEFAULT_ARTIFACT_DIR, ARTIFACT_FILE))
  ) {
    return nodeArtifactSource();
  }
  return null;
}

let loader: ReturnType<typeof createClangLoader> | null = null;

/** The process-wide compiled clang.wasm (compiled once, on first use). */
export async function getNodeClang(): Promise<LoadedClang> {
  if (loader === null) {
    const source = findNodeArtifact();
    if (source === null) {
      throw new ClangUnavailableError(
        `clang.wasm is not available: ${DEFAULT_ARTIFACT_DIR}/${ARTIFACT_FILE} is missing (build it with npm run build:clang, or set ${CLANG_WASM_ENV})`,
      );
    }
    loader = createClangLoader(source, { compile: nodeCompile });
  }
  return loader.load();
}

export function loadResourceHeadersFromDisk(dir: string = RESOURCE_HEADERS_DISK_DIR): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.h'))
      .sort()
      .map((f): [string, string] => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

let headers: SystemHeaders | null = null;

/** Playground + resource headers from disk, shared by every compile of the process. */
export function nodeSystemHeaders(): SystemHeaders {
  headers ??= prepareSystemHeaders(loadHeaderTreeFromDisk(), loadResourceHeadersFromDisk());
  return headers;
}

const INCLUDE = /^[ \t]*#[ \t]*include[ \t]*([<"])([^>"\n]+)[>"]/gm;
const MAX_FILES = 1000;

const isFile = (p: string): boolean => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/**
 * The host files a compile of `entry` may read: the entry and, transitively, every #include that
 * resolves to a host file (quoted ones next to the including file first, then in the -I dirs).
 * Over-approximates (includes under false #if are loaded too); macro-computed includes are not followed.
 */
export function collectHostFiles(entry: string, includeDirs: readonly string[]): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    if (files.size >= MAX_FILES) throw new Error(`more than ${MAX_FILES} included files`);
    const bytes = readFileSync(file);
    files.set(file, bytes);
    const text = new TextDecoder().decode(bytes);
    for (const m of text.matchAll(INCLUDE)) {
      const name = m[2]!.trim();
      const candidates = isAbsolute(name)
        ? [name]
        : [...(m[1] === '"' ? [dirname(file)] : []), ...includeDirs].map((d) => resolve(d, name));
      const found = candidates.find(isFile);
      if (found !== undefined && !files.has(found)) queue.push(found);
    }
  }
  return files;
}

export interface NodeCompileOptions extends ClangOptions {
  /** Host working directory (default process.cwd()); relative paths and -I dirs resolve against it. */
  readonly cwd?: string;
}

/**
 * Compiles a host .c file with clang.wasm, for `compile`, `run` and `verify`. The file and what it
 * includes appear in the in-memory filesystem at their host paths, so diagnostics and debug info
 * name them as native clang run in `cwd` would.
 */
export async function compileFileNode(path: string, options: NodeCompileOptions = {}): Promise<CompileOutput> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const absolute = resolve(cwd, path);
  const files = collectHostFiles(
    absolute,
    (options.includeDirs ?? []).map((d) => resolve(cwd, d)),
  );
  const clang = await getNodeClang();
  return compileProgram(clang.module, { entry: path, files, workingDirectory: cwd, options }, nodeSystemHeaders());
}
