/**
 * The built site for the e2e files: one `vite build` per state of the sources, shared by every e2e
 * file (a lock keeps two files from building at once; the second reuses the first's output), served
 * by `vite preview` on a free localhost port, and headless Debian Chromium (playwright-core).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';
export const root = fileURLToPath(new URL('../..', import.meta.url));
export const shots = join(root, 'tests/artifacts/e2e');
export const haveChromium = existsSync(CHROMIUM);
export const haveClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;

// tests/seeds: the gallery bundles the seed programs from there.
const INPUTS = ['src', 'tests/seeds', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function listFiles(path: string): string[] {
  const st = statSync(path);
  if (!st.isDirectory()) return [path];
  return readdirSync(path).flatMap((n) => (n === 'node_modules' ? [] : listFiles(join(path, n))));
}

/** A hash of the build's inputs: paths, sizes and modification times. */
function sourceHash(): string {
  const h = createHash('sha256');
  for (const input of INPUTS) {
    const p = join(root, input);
    if (!existsSync(p)) continue;
    for (const f of listFiles(p).sort()) {
      const st = statSync(f);
      h.update(`${relative(root, f)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  }
  return h.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The built site for the current sources, building it unless another e2e file already did. */
async function builtSite(): Promise<string> {
  const cache = join(root, 'node_modules/.cache/ebpf-playground-e2e');
  mkdirSync(cache, { recursive: true });
  const out = join(cache, sourceHash());
  const done = join(out, '.complete');
  const lock = join(cache, 'lock');
  for (;;) {
    if (existsSync(done)) return out;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another file is building; a lock older than 5 minutes is a crashed build.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true }); // prettier-ignore
      await sleep(500);
    }
  }
  try {
    if (existsSync(done)) return out;
    // Old builds go, but not ones made in the last hour: another e2e run may be serving one.
    for (const old of readdirSync(cache))
      if (old !== 'lock' && Date.now() - statSync(join(cache, old)).mtimeMs > 3_600_000)
        rmSync(join(cache, old), { recursive: true, force: true });
    await build({
      root,
      logLevel: 'warn',
      build: { outDir: out, emptyOutDir: true, rolldownOptions: { checks: { pluginTimings: false } } },
    });
    writeFileSync(done, new Date().toISOString());
    return out;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Site {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  mkdirSync(shots, { recursive: true });
  const outDir = await builtSite();
  const server: PreviewServer = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview server has no port');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    url: `http://127.0.0.1:${address.port}/`,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Until clang.wasm lands, objects come from native clang-19 (the page opens them like any .o). */
export function compileC(source: string, name: string, dir: string): string {
  const c = join(dir, `${name}.c`);
  writeFileSync(c, source);
  const out = join(dir, `${name}.o`);
  execFileSync('clang-19', [
    ...['-O2', '-g', '-target', 'bpf', '-mcpu=v3', '-I', join(root, 'src/compiler/headers/include')],
    ...['-c', c, '-o', out],
  ]);
  return out;
}
