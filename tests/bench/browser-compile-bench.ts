/**
 * Compile latency in headless Chromium for `npm run bench`: the real compiler worker
 * (src/compiler/compiler.worker.ts, bundled by Vite) with the committed clang.wasm.br, served from
 * localhost. Per visit (a fresh browser context = empty Cache API, then a second worker in the same
 * context = a returning visitor): time to "ready" (download or cache read, brotli decode, module
 * compile) and the first compile; then warm compiles (median). Target: warm ≤ 300 ms.
 *
 *   npx tsx tests/bench/browser-compile-bench.ts [FILE.c]
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ARTIFACT_FILE, DEFAULT_ARTIFACT_DIR, collectHostFiles } from '../../src/compiler/node';
import { type ServedWorker, serveCompilerWorker } from './browser-compile-site';
import { type VisitTimes, driveVisit } from './browser-compile-visit';
import { DEFAULT_BENCH_FILE } from './compile-bench';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export interface BrowserCompileBenchResult {
  readonly file: string;
  readonly browser: string;
  /** Empty Cache API: download (localhost) + decode + module compile, then the first compile. */
  readonly firstVisit: VisitTimes;
  /** Same context, new worker: clang.wasm.br from the Cache API. */
  readonly secondVisit: VisitTimes;
  /** Median round trip of warm compiles (page → worker → page), and the worker's own median. */
  readonly warmMs: number;
  readonly warmWorkerMs: number;
  readonly warmRounds: number;
  readonly loadAverage: { readonly before: string; readonly after: string };
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

export function browserCompileBenchUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install chromium)`;
  if (!existsSync(resolve(DEFAULT_ARTIFACT_DIR, ARTIFACT_FILE))) return `public/clang/${ARTIFACT_FILE} is missing`;
  return null;
}

/** The entry file (by base name) and its quoted includes, as the worker's `files` (paths relative to it). */
function benchSources(file: string): { source: string; fileName: string; files: Record<string, string> } {
  const abs = resolve(file);
  const files: Record<string, string> = {};
  for (const [path, bytes] of collectHostFiles(abs, [])) {
    if (path !== abs) files[path.slice(dirname(abs).length + 1)] = new TextDecoder().decode(bytes);
  }
  return { source: readFileSync(abs, 'utf8'), fileName: basename(abs), files };
}

export async function measureBrowserCompileLatency(
  options: { readonly file?: string; readonly warmRounds?: number } = {},
): Promise<BrowserCompileBenchResult> {
  const file = resolve(options.file ?? DEFAULT_BENCH_FILE);
  const warmRounds = options.warmRounds ?? 9;
  const before = load();
  let site: ServedWorker | null = null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    site = await serveCompilerWorker();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url);
    const input = { ...benchSources(file), warmRounds: 0 };
    const firstVisit = await driveVisit(page, input);
    const second = await driveVisit(page, { ...input, warmRounds });
    await context.close();
    return {
      file,
      browser: `Chromium ${browser.version()}`,
      firstVisit: firstVisit.times,
      secondVisit: second.times,
      warmMs: second.warmMs,
      warmWorkerMs: second.warmWorkerMs,
      warmRounds,
      loadAverage: { before, after: load() },
    };
  } finally {
    await browser.close();
    await site?.close();
  }
}

export function formatBrowserCompileBench(r: BrowserCompileBenchResult): string {
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const visit = (v: VisitTimes) =>
    `ready ${ms(v.readyMs)} (${v.fromCache ? 'Cache API' : 'download'}), first compile ${ms(v.firstCompileMs)}`;
  return [
    `browser compile latency: ${r.file} in headless ${r.browser} (load ${r.loadAverage.before} → ${r.loadAverage.after})`,
    `  first visit     ${visit(r.firstVisit)}`,
    `  second visit    ${visit(r.secondVisit)}`,
    `  warm            ${ms(r.warmMs)} round trip, ${ms(r.warmWorkerMs)} in the worker (median of ${r.warmRounds}; target ≤ 300 ms)`,
  ].join('\n');
}

/** For tests/bench/bench.ts: measures, prints, and returns the result or why it was skipped. */
export async function runBrowserCompileBench(): Promise<BrowserCompileBenchResult | { skipped: string }> {
  const why = browserCompileBenchUnavailable();
  if (why !== null) {
    console.log(`browser compile latency: SKIPPED (${why})`);
    return { skipped: why };
  }
  const r = await measureBrowserCompileLatency();
  console.log(`\n${formatBrowserCompileBench(r)}`);
  return r;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const why = browserCompileBenchUnavailable();
  if (why !== null) console.warn(`SKIPPED browser compile latency: ${why}`);
  else console.log(formatBrowserCompileBench(await measureBrowserCompileLatency({ file: process.argv[2] })));
}
