/**
 * Loading clang.wasm: manifest → compressed bytes (from the network, a cache or disk, through an
 * injected ArtifactSource) → sha256 check → decode (brotli) → WebAssembly.Module, compiled once and
 * shared by every compile (each compile instantiates it afresh). Compilation is asynchronous:
 * browsers refuse large synchronous compiles.
 */
import { type DecoderFactory, compileArtifact, isWasm } from './decompress';
import { type ArtifactFormat, type ClangManifest, parseManifest } from './manifest';

export interface LoadProgress {
  readonly phase: 'download' | 'compile';
  readonly loadedBytes: number;
  readonly totalBytes: number | null;
  readonly fromCache: boolean;
}

export interface OpenedArtifact {
  /** The artifact's bytes (as the manifest's format says, or raw wasm: the loader sniffs that). */
  readonly body: ReadableStream<Uint8Array>;
  readonly size: number | null;
  readonly fromCache: boolean;
}

/** Where the bytes come from: fetch + Cache API in the browser, node:fs in Node. */
export interface ArtifactSource {
  /** For messages: a URL or a path. */
  readonly location: string;
  manifest(): Promise<ClangManifest>;
  open(manifest: ClangManifest, opts: { readonly bypassCache: boolean }): Promise<OpenedArtifact>;
  /** Keeps verified bytes for the next visit (browser: Cache API). */
  remember?(manifest: ClangManifest, bytes: Uint8Array): Promise<void>;
  /** Drops a cached copy that failed verification. */
  forget?(manifest: ClangManifest): Promise<void>;
}

export interface LoadedClang {
  readonly module: WebAssembly.Module;
  readonly manifest: ClangManifest;
  readonly stats: {
    readonly fromCache: boolean;
    readonly compressedBytes: number;
    /** Manifest + reading/downloading the bytes, ms. */
    readonly fetchMs: number;
    /** sha256 + decompression + WebAssembly compilation, ms. */
    readonly compileMs: number;
  };
}

export interface LoadOptions {
  readonly onProgress?: (p: LoadProgress) => void;
  /** Check the compressed bytes against the manifest's sha256 (needs crypto.subtle); default true. */
  readonly verify?: boolean;
  /** Decompresses and compiles; default: compileArtifact (streamed decode + compileStreaming). */
  readonly compile?: (bytes: Uint8Array<ArrayBuffer>, format: ArtifactFormat) => Promise<WebAssembly.Module>;
  /** For the default compile: decodes what the platform's DecompressionStream cannot (brotli in Chromium). */
  readonly decoder?: DecoderFactory;
}

export class ClangLoadError extends Error {
  override name = 'ClangLoadError';
}

async function readAll(opened: OpenedArtifact, onChunk: (loaded: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = opened.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onChunk(loaded);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return null; // insecure context: no WebCrypto
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Loads and compiles clang.wasm once; see createClangLoader for the memoised form. */
export async function loadClangModule(source: ArtifactSource, options: LoadOptions = {}): Promise<LoadedClang> {
  const started = performance.now();
  const manifest = await source.manifest();
  const attempt = async (bypassCache: boolean) => {
    const opened = await source.open(manifest, { bypassCache });
    const expected = manifest.compressed;
    const total = opened.size ?? expected.size;
    options.onProgress?.({ phase: 'download', loadedBytes: 0, totalBytes: total, fromCache: opened.fromCache });
    const bytes = await readAll(opened, (loaded) =>
      options.onProgress?.({ phase: 'download', loadedBytes: loaded, totalBytes: total, fromCache: opened.fromCache }),
    );
    let problem: string | null = null;
    // Raw wasm (a development build, or a server that decoded its own Content-Encoding) has no
    // compressed size or sha256 to compare; a broken one fails to compile instead.
    if (!isWasm(bytes) && bytes.length !== expected.size) {
      problem = `${bytes.length} bytes, the manifest says ${expected.size}`;
    } else if (!isWasm(bytes) && options.verify !== false) {
      const sum = await sha256Hex(bytes);
      if (sum !== null && sum !== expected.sha256) problem = `sha256 ${sum}, the manifest says ${expected.sha256}`;
    }
    return { opened, bytes, problem };
  };
  let got = await attempt(false);
  if (got.problem !== null && got.opened.fromCache) {
    await source.forget?.(manifest);
    got = await attempt(true);
  }
  if (got.problem !== null) throw new ClangLoadError(`${source.location}: corrupt download (${got.problem})`);
  const fetched = performance.now();
  if (!got.opened.fromCache && !isWasm(got.bytes)) {
    // A failure to cache must not fail the load; the next visit just downloads again.
    await source.remember?.(manifest, got.bytes).catch(() => undefined);
  }
  options.onProgress?.({
    phase: 'compile',
    loadedBytes: got.bytes.length,
    totalBytes: got.bytes.length,
    fromCache: got.opened.fromCache,
  });
  let module: WebAssembly.Module;
  try {
    const format = manifest.compressed.format;
    module = await (options.compile
      ? options.compile(got.bytes, format)
      : compileArtifact(got.bytes, format, options.decoder));
  } catch (e) {
    if (got.opened.fromCache) await source.forget?.(manifest);
    throw new ClangLoadError(
      `${source.location}: cannot compile clang.wasm: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return {
    module,
    manifest,
    stats: {
      fromCache: got.opened.fromCache,
      compressedBytes: got.bytes.length,
      fetchMs: fetched - started,
      compileMs: performance.now() - fetched,
    },
  };
}

/** Memoises one load per source; a failed load is forgotten so the next call retries. */
export function createClangLoader(
  source: ArtifactSource,
  options: LoadOptions = {},
): { load(): Promise<LoadedClang>; readonly loaded: LoadedClang | null } {
  let pending: Promise<LoadedClang> | null = null;
  let loaded: LoadedClang | null = null;
  return {
    load() {
      pending ??= loadClangModule(source, options).then(
        (l) => (loaded = l),
        (e: unknown) => {
          pending = null;
          throw e;
        },
      );
      return pending;
    },
    get loaded() {
      return loaded;
    },
  };
}

export { parseManifest };
