// The compiler worker as the browser runs it: src/compiler/compiler.worker.ts bundled by Vite and
// started as a module worker in headless Debian Chromium, with the WASI probe (brotli) standing in
// for clang.wasm. Checks the real brotli decode (DecompressionStream('brotli') where Chromium has it,
// else the bundled brotli-dec-wasm) + compileStreaming + Cache API path: the first worker downloads
// and caches, the second loads from the cache without downloading.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAN_BUILD_PROBE, PROBE_MISSING, probeWasm } from './probe';
import { skipLoudly } from './toolchain';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
const skip =
  skipLoudly(
    'compiler worker in Chromium',
    existsSync(CHROMIUM),
    `${CHROMIUM} is missing (apt-get install chromium)`,
  ) || skipLoudly('compiler worker in Chromium', CAN_BUILD_PROBE, PROBE_MISSING);

interface Reply {
  type: 'response';
  seq: number;
  ok: boolean;
  result?: { state?: string; version?: string; object?: unknown; diagnostics?: { message: string }[]; crash?: unknown };
  error?: string;
}
interface Session {
  status: Reply;
  compile: Reply;
  events: { state: string; loadedBytes?: number; totalBytes?: number | null }[];
}

describe.skipIf(skip)('compiler.worker.ts in headless Chromium', () => {
  let dir: string;
  let server: Server;
  let browser: Browser;
  let url: string;
  let br: Uint8Array;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ebpf-compiler-browser-'));
    await build({
      root: ROOT,
      configFile: false,
      publicDir: false,
      logLevel: 'warn',
      build: {
        outDir: dir,
        emptyOutDir: true,
        minify: false,
        rolldownOptions: {
          input: { 'compiler.worker': join(ROOT, 'src/compiler/compiler.worker.ts') },
          output: { entryFileNames: '[name].js', format: 'es' },
        },
      },
    });
    const raw = probeWasm();
    br = new Uint8Array(brotliCompressSync(raw));
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    mkdirSync(join(dir, 'clang'));
    writeFileSync(join(dir, 'clang', 'clang.wasm.br'), br);
    writeFileSync(
      join(dir, 'clang', 'manifest.json'),
      JSON.stringify({
        llvmVersion: '19.1.7',
        versionString: 'clang version 19.1.7 (probe)',
        raw: { file: 'clang.wasm', size: raw.length, sha256: sha(raw) },
        compressed: { file: 'clang.wasm.br', format: 'br', size: br.length, sha256: sha(br) },
      }),
    );
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>compiler worker</title>');
    const types: Record<string, string> = {
      '.js': 'text/javascript',
      '.json': 'application/json',
      '.html': 'text/html',
      '.wasm': 'application/wasm',
    };
    server = createServer((req, res) => {
      const asked = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
      const path = asked === '' ? 'index.html' : asked;
      requests.push(path);
      readFile(join(dir, path)).then(
        (body) => {
          res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
          res.end(body);
        },
        () => {
          res.writeHead(404);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${address.port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise((resolve) => server.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('downloads with progress, caches, compiles, and loads from the cache next time', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const result = await page.evaluate(async () => {
      async function session(): Promise<Session> {
        const w = new Worker('/compiler.worker.js', { type: 'module' });
        const events: Session['events'] = [];
        const pending = new Map<number, (r: Reply) => void>();
        w.onmessage = (e: MessageEvent) => {
          const m = e.data as { type: string; seq: number; data: Session['events'][number] };
          if (m.type === 'event') events.push(m.data);
          else pending.get(m.seq)?.(e.data as Reply);
        };
        const call = (seq: number, method: string, params: unknown) =>
          new Promise<Reply>((resolve) => {
            pending.set(seq, resolve);
            w.postMessage({ type: 'request', seq, method, params });
          });
        const status = await call(1, 'status', null);
        const compile = await call(2, 'compile', {
          source: 'int x;\n',
          fileName: 'prog.c',
          options: { optLevel: 2, cpu: 'v3', debugInfo: true, defines: [] },
        });
        w.terminate();
        return { status, compile, events };
      }
      const first = await session();
      const second = await session();
      const keys = (await (await caches.open('ebpf-playground-clang')).keys()).map((r) => r.url);
      return { first, second, keys };
    });

    for (const s of [result.first, result.second]) {
      expect(s.status).toMatchObject({ ok: true, result: { state: 'ready', version: 'clang version 19.1.7 (probe)' } });
      // The probe is not clang: it answers clang's argv with its usage and status 2. What matters
      // here is that it ran in the browser, on the in-memory filesystem, and came back as diagnostics.
      expect(s.compile.ok).toBe(true);
      expect(s.compile.result?.object).toBeNull();
      expect(s.compile.result?.crash).toBeNull();
      expect(s.compile.result?.diagnostics?.[0]?.message).toMatch(/^clang exited with status 2:\nusage: probe/);
    }
    const loading = result.first.events.filter((e) => e.state === 'loading');
    expect(loading[0]).toEqual({ state: 'loading', loadedBytes: 0, totalBytes: br.length });
    expect(loading.at(-1)).toEqual({ state: 'loading', loadedBytes: br.length, totalBytes: br.length });
    expect(result.first.events.at(-1)).toMatchObject({ state: 'ready' });
    expect(requests.filter((r) => r.endsWith('clang.wasm.br'))).toHaveLength(1);
    expect(requests.filter((r) => r.endsWith('manifest.json'))).toHaveLength(2);
    expect(result.keys).toEqual([expect.stringMatching(/\/clang\/clang\.wasm\.br\?sha256=[0-9a-f]{64}$/)]);
    // Without DecompressionStream('brotli') (Chromium 156), the bundled brotli-dec-wasm did the decoding.
    const nativeBrotli = await page.evaluate(() => {
      try {
        new DecompressionStream('brotli' as CompressionFormat);
        return true;
      } catch {
        return false;
      }
    });
    if (!nativeBrotli) expect(requests.filter((r) => /brotli_dec_wasm_bg.*\.wasm$/.test(r)).length).toBeGreaterThan(0);
  });
});
