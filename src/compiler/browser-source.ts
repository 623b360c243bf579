/**
 * The browser's ArtifactSource: public/clang/ over fetch, with the verified compressed bytes kept in
 * the Cache API under a URL that carries the artifact's sha256, so a second visit reads them
 * locally and a new build never meets an old cached copy.
 */
import type { ArtifactSource, OpenedArtifact } from './load';
import { type ClangManifest, parseManifest } from './manifest';

export const CLANG_CACHE_NAME = 'ebpf-playground-clang';

/** The parts of CacheStorage/Cache the source uses (injected in tests). */
export interface CacheLike {
  match(key: string): Promise<Response | undefined>;
  put(key: string, response: Response): Promise<void>;
  delete(key: string): Promise<boolean>;
  keys(): Promise<readonly { readonly url: string }[]>;
}

export interface BrowserSourceOptions {
  /** Directory URL holding manifest.json and the artifact, ending in '/': e.g. `${import.meta.env.BASE_URL}clang/`. */
  readonly baseUrl: string;
  readonly fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  /** null: no Cache API (insecure context, private mode). Default: caches.open(CLANG_CACHE_NAME). */
  readonly openCache?: (() => Promise<CacheLike>) | null;
}

function defaultOpenCache(): (() => Promise<CacheLike>) | null {
  if (typeof caches === 'undefined') return null;
  return async () => (await caches.open(CLANG_CACHE_NAME)) as unknown as CacheLike;
}

export function browserArtifactSource(options: BrowserSourceOptions): ArtifactSource {
  const doFetch = options.fetch ?? ((url: string, init?: RequestInit) => fetch(url, init));
  const openCache = options.openCache === undefined ? defaultOpenCache() : options.openCache;
  // Absolute: the Cache API keys by URL and relative ones resolve differently in a worker.
  const base = new URL(options.baseUrl, globalThis.location?.href ?? 'http://localhost/').href;
  const artifactUrl = (m: ClangManifest) => `${new URL(m.compressed.file, base).href}?sha256=${m.compressed.sha256}`;
  const cache = async (): Promise<CacheLike | null> => {
    if (openCache === null) return null;
    try {
      return await openCache();
    } catch {
      return null; // e.g. SecurityError in an opaque origin: run without a cache
    }
  };

  return {
    location: base,
    async manifest() {
      const r = await doFetch(new URL('manifest.json', base).href, { cache: 'no-cache' });
      if (!r.ok) throw new Error(`clang.wasm is not available: ${r.status} ${r.statusText} for manifest.json`);
      return parseManifest(await r.json());
    },
    async open(manifest, { bypassCache }): Promise<OpenedArtifact> {
      const url = artifactUrl(manifest);
      const c = bypassCache ? null : await cache();
      const hit = c === null ? undefined : await c.match(url);
      if (hit?.body) return { body: hit.body, size: manifest.compressed.size, fromCache: true };
      const r = await doFetch(url);
      if (!r.ok || r.body === null) throw new Error(`clang.wasm download failed: ${r.status} ${r.statusText}`);
      const length = Number(r.headers.get('Content-Length'));
      return { body: r.body, size: Number.isFinite(length) && length > 0 ? length : null, fromCache: false };
    },
    async remember(manifest, bytes) {
      const c = await cache();
      if (c === null) return;
      const url = artifactUrl(manifest);
      for (const key of await c.keys()) if (key.url !== url) await c.delete(key.url);
      await c.put(
        url,
        new Response(bytes.slice(), {
          // The still-encoded bytes, deliberately without Content-Encoding: the loader decodes them.
          headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes.length) },
        }),
      );
    },
    async forget(manifest) {
      await (await cache())?.delete(artifactUrl(manifest));
    },
  };
}
