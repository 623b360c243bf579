// Loading clang.wasm through the browser's ArtifactSource (fetch + Cache API, both injected) and
// Node's, with the WASI probe program standing in for clang.wasm: brotli (decoded by the worker's
// fallback decoder, as in Chromium) and gzip, sha256 check, caching, recovery from a corrupt cache,
// progress, streaming decompress + compile.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CacheLike, browserArtifactSource } from '../../src/compiler/browser-source';
import { ClangLoadError, type LoadProgress, createClangLoader, loadClangModule } from '../../src/compiler/load';
import { nodeArtifactSource, nodeCompile, rawWasmSource } from '../../src/compiler/node';
import { nodeWasmBrotliDecoder } from './brotli-node';
import { CAN_BUILD_PROBE, PROBE_MISSING, probeWasm } from './probe';
import { scratch, skipLoudly } from './toolchain';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

class MemoryCache implements CacheLike {
  readonly entries = new Map<string, Uint8Array>();
  async match(key: string) {
    const hit = this.entries.get(key);
    return hit === undefined ? undefined : new Response(hit.slice());
  }
  async put(key: string, response: Response) {
    this.entries.set(key, new Uint8Array(await response.arrayBuffer()));
  }
  async delete(key: string) {
    return this.entries.delete(key);
  }
  async keys() {
    return [...this.entries.keys()].map((url) => ({ url }));
  }
}

describe.skipIf(skipLoudly('clang.wasm loader tests', CAN_BUILD_PROBE, PROBE_MISSING))('loadClangModule', () => {
  let raw: Uint8Array;
  let br: Uint8Array;
  let manifest: object;
  const compressed = (bytes: Uint8Array, format = 'br', file = 'clang.wasm.br') => ({
    file,
    format,
    size: bytes.length,
    sha256: sha(bytes),
  });

  beforeAll(() => {
    raw = probeWasm();
    br = new Uint8Array(brotliCompressSync(raw));
    manifest = {
      llvmVersion: '19.1.7',
      versionString: 'clang version 19.1.7 (probe)',
      raw: { file: 'clang.wasm (not committed)', size: raw.length, sha256: sha(raw) },
      compressed: compressed(br),
    };
  });

  /** A fake server for https://play.example/clang/, counting artifact downloads. */
  function server(artifact: () => Uint8Array) {
    const calls: string[] = [];
    const fetchFn = async (url: string) => {
      calls.push(url);
      if (url === 'https://play.example/clang/manifest.json') return new Response(JSON.stringify(manifest));
      if (/^https:\/\/play\.example\/clang\/clang\.wasm\.(br|gz)\?sha256=/.test(url)) {
        const body = artifact();
        return new Response(body.slice(), { headers: { 'Content-Length': String(body.length) } });
      }
      return new Response('not found', { status: 404, statusText: 'Not Found' });
    };
    return { calls, fetchFn, downloads: () => calls.filter((c) => c.includes('.wasm.')).length };
  }

  it('downloads, verifies, caches, and compiles brotli through the fallback decoder + compileStreaming', async () => {
    const srv = server(() => br);
    const cache = new MemoryCache();
    const source = browserArtifactSource({
      baseUrl: 'https://play.example/clang/',
      fetch: srv.fetchFn,
      openCache: async () => cache,
    });
    const progress: LoadProgress[] = [];
    const first = await loadClangModule(source, {
      onProgress: (p) => progress.push(p),
      decoder: nodeWasmBrotliDecoder,
    });
    expect(WebAssembly.Module.exports(first.module).map((e) => e.name)).toContain('_start');
    expect(first.stats).toMatchObject({ fromCache: false, compressedBytes: br.length });
    expect(first.manifest.versionString).toBe('clang version 19.1.7 (probe)');
    expect(srv.downloads()).toBe(1);
    expect([...cache.entries.keys()]).toEqual([`https://play.example/clang/clang.wasm.br?sha256=${sha(br)}`]);
    // Progress: starts at 0, never decreases, ends with the whole file, then the compile phase.
    const downloads = progress.filter((p) => p.phase === 'download').map((p) => p.loadedBytes);
    expect(downloads[0]).toBe(0);
    expect(downloads.every((v, i) => i === 0 || v >= downloads[i - 1]!)).toBe(true);
    expect(downloads[downloads.length - 1]).toBe(br.length);
    expect(progress[progress.length - 1]).toMatchObject({ phase: 'compile', totalBytes: br.length });

    const second = await loadClangModule(source, { decoder: nodeWasmBrotliDecoder });
    expect(second.stats.fromCache).toBe(true);
    expect(srv.downloads()).toBe(1);
  });

  it('replaces a corrupt cached copy by a fresh download', async () => {
    const srv = server(() => br);
    const cache = new MemoryCache();
    const key = `https://play.example/clang/clang.wasm.br?sha256=${sha(br)}`;
    const bad = br.slice();
    bad[100] = bad[100]! ^ 0xff;
    cache.entries.set(key, bad);
    cache.entries.set('https://play.example/clang/clang.wasm.br?sha256=old', new Uint8Array([1]));
    const source = browserArtifactSource({
      baseUrl: 'https://play.example/clang/',
      fetch: srv.fetchFn,
      openCache: async () => cache,
    });
    const loaded = await loadClangModule(source, { decoder: nodeWasmBrotliDecoder });
    expect(loaded.stats.fromCache).toBe(false);
    expect(srv.downloads()).toBe(1);
    expect(sha(cache.entries.get(key)!)).toBe(sha(br));
    expect(cache.entries.size).toBe(1); // the old build's entry is gone too
  });

  it('refuses a corrupt download', async () => {
    const bad = br.slice();
    bad[200] = bad[200]! ^ 1;
    const srv = server(() => bad);
    const source = browserArtifactSource({
      baseUrl: 'https://play.example/clang/',
      fetch: srv.fetchFn,
      openCache: null,
    });
    await expect(loadClangModule(source)).rejects.toThrow(/corrupt download \(sha256 [0-9a-f]{64}, the manifest says/);
    const short = server(() => br.slice(0, 1000));
    const source2 = browserArtifactSource({
      baseUrl: 'https://play.example/clang/',
      fetch: short.fetchFn,
      openCache: null,
    });
    await expect(loadClangModule(source2)).rejects.toThrow(/1000 bytes, the manifest says/);
  });

  it('says when the artifact is missing', async () => {
    const source = browserArtifactSource({
      baseUrl: 'https://play.example/nowhere/',
      fetch: server(() => br).fetchFn,
      openCache: null,
    });
    await expect(loadClangModule(source)).rejects.toThrow(/clang.wasm is not available: 404 Not Found/);
  });

  it('accepts bytes a server already decompressed (Content-Encoding: br)', async () => {
    const srv = server(() => raw);
    const source = browserArtifactSource({
      baseUrl: 'https://play.example/clang/',
      fetch: srv.fetchFn,
      openCache: null,
    });
    const loaded = await loadClangModule(source);
    expect(WebAssembly.Module.imports(loaded.module).length).toBeGreaterThan(0);
  });

  it('memoises one load and retries after a failure', async () => {
    let fail = true;
    const srv = server(() => br);
    const source = browserArtifactSource({
      baseUrl: 'https://play.example/clang/',
      fetch: async (url) => {
        if (fail) throw new TypeError('network down');
        return srv.fetchFn(url);
      },
      openCache: null,
    });
    const loader = createClangLoader(source, { decoder: nodeWasmBrotliDecoder });
    await expect(loader.load()).rejects.toThrow('network down');
    fail = false;
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect(a.manifest.compressed.format).toBe('br');
    expect(a).toBe(b);
    expect(srv.downloads()).toBe(1);
  });

  it("reads Node's artifact directory and raw development builds", async () => {
    const dir = join(scratch(), 'public-clang');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, 'clang.wasm.br'), br);
    const fromDir = await loadClangModule(nodeArtifactSource(dir), { compile: nodeCompile });
    expect(fromDir.stats.compressedBytes).toBe(br.length);
    writeFileSync(join(dir, 'raw.wasm'), raw);
    const fromRaw = await loadClangModule(rawWasmSource(join(dir, 'raw.wasm')), { compile: nodeCompile });
    expect(WebAssembly.Module.exports(fromRaw.module).map((e) => e.name)).toContain('_start');
    await expect(loadClangModule(nodeArtifactSource(join(dir, 'none')))).rejects.toThrow(/ENOENT/);
  });

  it('reports a module that does not compile', async () => {
    const junk = new Uint8Array(brotliCompressSync(new Uint8Array([0, 0x61, 0x73, 0x6d, 9, 9, 9, 9])));
    const saved = manifest;
    manifest = { ...manifest, compressed: compressed(junk) };
    const source = browserArtifactSource({
      baseUrl: 'https://play.example/clang/',
      fetch: server(() => junk).fetchFn,
      openCache: null,
    });
    await expect(loadClangModule(source, { decoder: nodeWasmBrotliDecoder })).rejects.toThrow(ClangLoadError);
    // Without DecompressionStream('brotli') or a decoder, the reason is given.
    manifest = saved;
    const plain = browserArtifactSource({
      baseUrl: 'https://play.example/clang/',
      fetch: server(() => br).fetchFn,
      openCache: null,
    });
    await expect(loadClangModule(plain)).rejects.toThrow(/cannot decode brotli/);
  });

  it('still loads gzip artifacts (DecompressionStream("gzip")) and refuses unknown formats', async () => {
    const gz = new Uint8Array(gzipSync(raw, { level: 9 }));
    const saved = manifest;
    manifest = { ...manifest, compressed: compressed(gz, 'gzip', 'clang.wasm.gz') };
    const source = browserArtifactSource({
      baseUrl: 'https://play.example/clang/',
      fetch: server(() => gz).fetchFn,
      openCache: null,
    });
    const loaded = await loadClangModule(source);
    expect(loaded.stats.compressedBytes).toBe(gz.length);
    manifest = { ...manifest, compressed: compressed(gz, 'zstd', 'clang.wasm.zst') };
    await expect(loadClangModule(source)).rejects.toThrow(/unknown compression format "zstd"/);
    manifest = saved;
  });
});
