/**
 * The offline service worker, written as a function so it is typechecked with the rest; the Vite
 * plugin in vite.config.ts serialises it into /sw.js with the build's file list (see
 * serviceWorkerScript). It must not close over anything: it runs in the worker, not here.
 *
 * - App files (every file of the build): precached on install, then cache first.
 * - Pages: network first, the cached index.html when offline (any ?embed / ?present / #s= link).
 * - clang/manifest.json: network first, cached copy offline.
 * Lookups ignore Vary: the server varies on Origin, and module scripts are requested with one
 * while the precache requests were not.
 * - clang.wasm (.br or .gz, whichever the manifest names): from any cache of the origin — the
 *   compiler keeps verified compressed bytes in its own cache under this very URL
 *   (src/compiler/browser-source.ts) — else the network, kept by the worker too (see clangFirst).
 */

/** The parts of the service worker global scope this worker uses. */
interface SwScope {
  addEventListener(type: 'install', fn: (e: { waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'activate', fn: (e: { waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'fetch', fn: (e: { request: Request; respondWith(r: Promise<Response>): void }) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: { readonly origin: string };
  readonly registration: { readonly scope: string };
}

export function serviceWorkerMain(scope: SwScope, version: string, precache: readonly string[]): void {
  const APP = `ebpf-playground-app-${version}`;
  const CLANG = 'ebpf-playground-clang-offline';
  const base = new URL(scope.registration.scope);
  const index = new URL('index.html', base).href;

  /**
   * The first visit fetched clang.wasm (and its manifest) before this worker controlled the page,
   * so install fetches them once more (usually from the HTTP cache) under the URL the compiler asks for: the manifest's
   * file with its sha256 (src/compiler/browser-source.ts). Best effort: without it the app still
   * works offline, it only cannot compile.
   */
  const precacheClang = async (): Promise<void> => {
    const manifestUrl = new URL('clang/manifest.json', base).href;
    const response = await fetch(manifestUrl);
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return;
    // The manifest too was fetched before this worker was in control: keep it for offline visits.
    await (await caches.open(APP)).put(manifestUrl, response.clone());
    const manifest = (await response.json()) as { compressed?: { file: string; sha256: string } };
    if (manifest.compressed === undefined) return;
    const url = `${new URL(manifest.compressed.file, manifestUrl).href}?sha256=${manifest.compressed.sha256}`;
    if ((await caches.match(url, { ignoreVary: true })) !== undefined) return;
    await clangFirst(new Request(url), true);
  };

  scope.addEventListener('install', (e) => {
    e.waitUntil(
      caches
        .open(APP)
        .then((c) => c.addAll(precache.map((f) => new URL(f, base).href)))
        .then(() => precacheClang().catch(() => undefined))
        .then(() => scope.skipWaiting()),
    );
  });

  scope.addEventListener('activate', (e) => {
    e.waitUntil(
      caches
        .keys()
        .then((keys) =>
          Promise.all(
            keys.filter((k) => k.startsWith('ebpf-playground-app-') && k !== APP).map((k) => caches.delete(k)),
          ),
        )
        .then(() => scope.clients.claim()),
    );
  });

  /** `json`: cache only a JSON answer (a dev server answers a missing file with the page itself). */
  const networkFirst = async (request: Request, key: string, json = false): Promise<Response> => {
    try {
      const response = await fetch(request);
      if (response.ok && (!json || (response.headers.get('content-type') ?? '').includes('json'))) {
        const copy = response.clone();
        void caches.open(APP).then((c) => c.put(key, copy));
      }
      return response;
    } catch (err) {
      const cached = await caches.match(key, { ignoreVary: true });
      if (cached !== undefined) return cached;
      throw err;
    }
  };

  const cacheFirst = async (request: Request): Promise<Response> => {
    const cached = await caches.match(request, { ignoreVary: true });
    if (cached !== undefined) return cached;
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const copy = response.clone();
      void caches.open(APP).then((c) => c.put(request, copy));
    }
    return response;
  };

  /**
   * clang.wasm: a server that sends the .br/.gz file with its Content-Encoding hands the page plain
   * wasm, which the compiler does not keep (its cache holds verified compressed bytes only), so the
   * worker keeps the answer itself, in a cache of its own that outlives app updates: the URL
   * carries the artifact's sha256, so only a new artifact is downloaded again.
   */
  const keepClang = async (request: Request, response: Response): Promise<void> => {
    const c = await caches.open(CLANG);
    for (const old of await c.keys()) if (old.url !== request.url) await c.delete(old);
    await c.put(request, response);
  };
  /** `wait`: resolve once the copy is stored (install), not as soon as the answer can be read. */
  const clangFirst = async (request: Request, wait = false): Promise<Response> => {
    const cached = await caches.match(request, { ignoreVary: true });
    if (cached !== undefined) return cached;
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const stored = keepClang(request, response.clone());
      if (wait) await stored;
      else void stored.catch(() => undefined);
    }
    return response;
  };

  scope.addEventListener('fetch', (e) => {
    const request = e.request;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== scope.location.origin || !url.href.startsWith(base.href)) return;
    const path = url.pathname.slice(base.pathname.length);
    if (request.mode === 'navigate') {
      e.respondWith(networkFirst(request, index));
    } else if (path === 'clang/manifest.json') {
      e.respondWith(networkFirst(request, new URL(path, base).href, true));
    } else if (path.startsWith('clang/')) {
      e.respondWith(clangFirst(request));
    } else {
      e.respondWith(cacheFirst(request));
    }
  });
}

/** The text of /sw.js for a build. */
export function serviceWorkerScript(version: string, precache: readonly string[]): string {
  return `/* eBPF Playground offline service worker (generated by vite.config.ts; source: src/ui/offline/service-worker.ts) */
(${serviceWorkerMain.toString()})(self, ${JSON.stringify(version)}, ${JSON.stringify(precache)});
`;
}
