/**
 * A minimal site for the browser compile benchmark: src/compiler/compiler.worker.ts bundled by Vite
 * (the same bundling the page's `?worker` import gets, including the brotli decoder's .wasm asset),
 * and public/clang served as the page serves it, from a localhost HTTP server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { DEFAULT_ARTIFACT_DIR } from '../../src/compiler/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html',
  '.wasm': 'application/wasm',
};

export interface ServedWorker {
  /** The page's URL; the worker is at /compiler.worker.js. */
  readonly url: string;
  close(): Promise<void>;
}

export async function serveCompilerWorker(): Promise<ServedWorker> {
  const dir = mkdtempSync(join(tmpdir(), 'ebpf-compile-bench-'));
  await build({
    root: ROOT,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: dir,
      emptyOutDir: true,
      rolldownOptions: {
        input: { 'compiler.worker': join(ROOT, 'src/compiler/compiler.worker.ts') },
        output: { entryFileNames: '[name].js', format: 'es' },
      },
    },
  });
  const server = createServer((req, res) => {
    const asked = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    if (asked.includes('..')) {
      res.writeHead(403).end();
      return;
    }
    const file =
      asked === '' ? null : asked.startsWith('clang/') ? join(DEFAULT_ARTIFACT_DIR, asked.slice(6)) : join(dir, asked);
    const body =
      file === null ? Promise.resolve(Buffer.from('<!doctype html><title>compile bench</title>')) : readFile(file);
    body.then(
      (data) =>
        res
          .writeHead(200, { 'Content-Type': TYPES[extname(asked || 'index.html')] ?? 'application/octet-stream' })
          .end(data),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    async close() {
      await new Promise((done) => server.close(done));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
