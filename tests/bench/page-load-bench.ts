/**
 * Page load for `npm run bench`: the built site (`vite build`, served by `vite preview` on
 * localhost, as the e2e suite does) in headless Chromium.
 *
 * - Cold: a new browser context per visit (empty HTTP cache, Cache API, service worker, storage).
 * - Repeat: the same context visited again after the first visit finished and the service worker
 *   took control, so the app and clang.wasm come from the service worker's caches.
 *
 * Marks, in ms since navigation start (the page's own performance.now(), recorded by a
 * MutationObserver installed before any script runs, so polling does not add to them): the editor
 * is interactive (Monaco's text area and first rendered line exist), and the first result of the
 * default example is on screen (the page compiles it with clang.wasm and runs it by itself).
 * Medians over the visits.
 *
 *   npx tsx tests/bench/page-load-bench.ts [--visits N]
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, root } from '../e2e/harness';

export interface LoadMarks {
  /** Monaco accepts typing. */
  readonly editorMs: number;
  /** The default example's first run result is shown. */
  readonly resultMs: number;
}

export interface PageLoadResult {
  readonly visits: number;
  readonly cold: LoadMarks;
  readonly repeat: LoadMarks;
  readonly coldRuns: readonly LoadMarks[];
  readonly repeatRuns: readonly LoadMarks[];
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export function pageLoadBenchUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!['br', 'gz'].some((ext) => existsSync(`${root}/public/clang/clang.wasm.${ext}`)))
    return 'clang.wasm is not built (public/clang/ has no clang.wasm.br or .gz), so there is no first result to time';
  return null;
}

/**
 * Runs in the page before its scripts: records when the editor and the first result appear. Kept as
 * text: tsx wraps named functions in a helper that does not exist inside the page.
 * Monaco takes input through a textarea or, where Chromium has it, a native EditContext element;
 * the Result panel may not be the open tab, so its tab's verdict badge counts as the result too.
 */
const RECORD_MARKS = `(() => {
  const marks = {};
  window.__loadMarks = marks;
  const editorReady = () =>
    document.querySelector('.monaco-editor .view-line') !== null &&
    document.querySelector('.monaco-editor textarea, .monaco-editor .native-edit-context') !== null;
  const resultShown = () =>
    document.querySelector('[data-testid="verdict"]') !== null ||
    [...document.querySelectorAll('[role="tab"]')].some(
      (t) => (t.textContent || '').startsWith('Result') && t.querySelector('.badge') !== null);
  new MutationObserver(() => {
    if (marks.editor === undefined && editorReady()) marks.editor = performance.now();
    if (marks.result === undefined && resultShown()) marks.result = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

/** The first visit is over: the service worker controls the page and clang.wasm is kept in a cache. */
const WARM = `navigator.serviceWorker.controller !== null &&
  caches.keys().then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => c.keys()))))
    .then((lists) => lists.flat().some((r) => r.url.includes('/clang/clang.wasm')))`;

async function visit(context: BrowserContext, url: string): Promise<LoadMarks> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(
      () => {
        const m = (window as unknown as { __loadMarks?: Record<string, number> }).__loadMarks;
        return m?.editor !== undefined && m.result !== undefined;
      },
      null,
      { timeout: 180_000, polling: 100 },
    );
    const marks = await page.evaluate(() => (window as unknown as { __loadMarks: Record<string, number> }).__loadMarks);
    // The repeat visit needs the service worker in control and clang.wasm in the Cache API.
    await page.waitForFunction(WARM, null, { timeout: 60_000, polling: 200 });
    return { editorMs: marks.editor!, resultMs: marks.result! };
  } finally {
    await page.close();
  }
}

/**
 * Builds the site into a directory of its own (the e2e suite's shared build directory is replaced
 * whenever someone's sources change) and serves it with `vite preview`.
 */
async function servedSite(): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = join(root, 'node_modules/.cache/ebpf-playground-page-load');
  rmSync(outDir, { recursive: true, force: true });
  await build({
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rolldownOptions: { checks: { pluginTimings: false } } },
  });
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('preview server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

export async function measurePageLoad(options: { visits?: number } = {}): Promise<PageLoadResult> {
  const visits = options.visits ?? 5;
  const site = await servedSite();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const coldRuns: LoadMarks[] = [];
  const repeatRuns: LoadMarks[] = [];
  try {
    for (let i = 0; i < visits; i++) {
      // A fresh context: nothing cached or stored. The e2e suite's viewport and colour scheme.
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
      await context.addInitScript({ content: RECORD_MARKS });
      try {
        coldRuns.push(await visit(context, site.url));
        repeatRuns.push(await visit(context, site.url));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const mid = (runs: readonly LoadMarks[]): LoadMarks => ({
    editorMs: median(runs.map((r) => r.editorMs)),
    resultMs: median(runs.map((r) => r.resultMs)),
  });
  return { visits, cold: mid(coldRuns), repeat: mid(repeatRuns), coldRuns, repeatRuns };
}

export function formatPageLoad(r: PageLoadResult): string {
  const ms = (x: number) => `${Math.round(x)} ms`.padStart(9);
  return [
    `page load (built site, headless Chromium, localhost; medians of ${r.visits} visits)`,
    `visit     interactive editor   first result`,
    `cold      ${ms(r.cold.editorMs)}            ${ms(r.cold.resultMs)}`,
    `repeat    ${ms(r.repeat.editorMs)}            ${ms(r.repeat.resultMs)}`,
  ].join('\n');
}

/** For `npm run bench`: measures, prints the table, and returns the report's entry (or why it was skipped). */
export async function runPageLoadBench(visits = 5): Promise<PageLoadResult | { skipped: string }> {
  const why = pageLoadBenchUnavailable();
  if (why !== null) {
    console.log(`\npage load: SKIPPED (${why})`);
    return { skipped: why };
  }
  const r = await measurePageLoad({ visits });
  console.log(`\n${formatPageLoad(r)}`);
  return r;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--visits');
  const r = await runPageLoadBench(i >= 0 ? Number(process.argv[i + 1]) : 5);
  console.log(JSON.stringify(r));
}
