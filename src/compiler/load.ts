/**
 * Loading clang.wasm: manifest → compressed bytes (from the network, a cache or disk, through an
 * injected ArtifactSource) → sha256 check → gunzip → WebAssembly.Module, compiled once and shared
 * by every compile (each compile instantiates it afresh). Compilation is asynchronous: browsers
 * refuse large synchronous compiles.
 */
import { gunzipSync } from 'fflate';
import { type ClangManifest, parseManifest } from './manifest';

export interface LoadProgress {
  readonly phase: 'download' | 'compile';
  readonly loadedBytes: number;
  readonly totalBytes: number | null;
  readonly fromCache: boolean;
}

export interface OpenedArtifact {
  /** The artifact's bytes (gzip, or raw wasm: the loader sniffs which). */
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
  /** Decompresses and compiles; default: streaming (DecompressionStream + compileStreaming) when available. */
  readonly compile?: (bytes: Uint8Array) => Promise<WebAssembly.Module>;
}

export class ClangLoadError extends Error {
  override name = 'ClangLoadError';
}

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
const isWasm = (b: Uint8Array) => b.length >= 4 && b[0] === 0 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d;

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

/** Default decompress + compile: streamed where the platform can, otherwise fflate + compile. */
export async function compileArtifact(bytes: Uint8Array<ArrayBuffer>): Promise<WebAssembly.Module> {
  if (isWasm(bytes)) return WebAssembly.compile(bytes);
  if (!isGzip(bytes)) throw new ClangLoadError('clang.wasm artifact is neither gzip nor WebAssembly');
  if (
    typeof DecompressionStream === 'function' &&
    typeof Response === 'function' &&
    typeof WebAssembly.compileStreaming === 'function'
  ) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return WebAssembly.compileStreaming(new Response(stream, { headers: { 'Content-Type': 'application/wasm' } }));
  }
  return WebAssembly.compile(gunzipSync(bytes) as Uint8Array<ArrayBuffer>);
}

/** Loads and compiles clang.wasm once; see createClangLoader for the memoised form. */
export async function loadClangModule(source: ArtifactSource, options: LoadOptions = {}): Promise<LoadedClang> {
  const started = performance.now();
  const manifest = await source.manifest();
  const attempt = async (bypassCache: boolean) => {
    const opened = await source.open(manifest, { bypassCache });
    const total = opened.size ?? manifest.gzip.size;
    options.onProgress?.({ phase: 'download', loadedBytes: 0, totalBytes: total, fromCache: opened.fromCache });
    const bytes = await readAll(opened, (loaded) =>
      options.onProgress?.({ phase: 'download', loadedBytes: loaded, totalBytes: total, fromCache: opened.fromCache }),
    );
    let problem: string | null = null;
    if (isGzip(bytes) && bytes.length !== manifest.gzip.size) {
      problem = `${bytes.length} bytes, the manifest says ${manifest.gzip.size}`;
    } else if (isGzip(bytes) && options.verify !== false) {
      const sum = await sha256Hex(bytes);
      if (sum !== null && sum !== manifest.gzip.sha256)
        problem = `sha256 ${sum}, the manifest says ${manifest.gzip.sha256}`;
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
  if (!got.opened.fromCache && isGzip(got.bytes)) {
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
    module = await (options.compile ?? compileArtifact)(got.bytes);
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
