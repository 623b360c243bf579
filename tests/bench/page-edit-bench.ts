/**
 * Edit-to-result latency for `npm run bench`: the built site (as the e2e suite serves it) in headless
 * Chromium with tests/bench/page_edit.c (a 50-line XDP program) in the editor. One keystroke changes
 * the number the program prints; the time is from that keydown (the page's own event time) to the
 * next frame after trace_pipe shows the new run's line — debounce, clang.wasm compile, load, verify,
 * JIT run and render, all in the page. Warm: the compiler is loaded and a few edits went before.
 * Target: median ≤ 300 ms.
 *
 *   npx tsx tests/bench/page-edit-bench.ts [--edits N]
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { CHROMIUM, root, startSite } from '../e2e/harness';
import { COMPILE_DEBOUNCE_MS } from '../../src/ui/pipeline';
import { SOURCE_KEY } from '../../src/ui/persistence';

export interface PageEditResult {
  readonly program: string;
  readonly edits: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly samplesMs: readonly number[];
  /** Of the median, the page's deliberate wait for typing to pause before compiling. */
  readonly debounceMs: number;
  readonly loadAverage: { readonly before: string; readonly after: string };
}

const PROGRAM = 'tests/bench/page_edit.c';
const WARM_EDITS = 3;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export function pageEditBenchUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!['br', 'gz'].some((ext) => existsSync(`${root}/public/clang/clang.wasm.${ext}`)))
    return 'clang.wasm is not built (public/clang/ has no clang.wasm.br or .gz): nothing compiles in the page';
  return null;
}

/**
 * In the page: the time of the keydown, and the frame after trace_pipe's newest line says
 * `edit <expected>`. Plain JavaScript text: tsx would wrap a compiled function's inner functions
 * in a helper the page does not have.
 */
const PROBE = `(expected) => {
  window.__edit?.off();
  const log = document.querySelector('[role="log"][aria-label="trace_pipe output"]');
  const probe = { t0: null, t1: null, off: () => undefined };
  const onKey = (e) => { probe.t0 ??= e.timeStamp; };
  const observer = new MutationObserver(() => {
    // The list is virtualised: the last row in the DOM is the newest line once the view followed it.
    const rows = log ? log.querySelectorAll('.trace-line') : [];
    const last = rows.length > 0 ? rows[rows.length - 1].textContent : '';
    if (probe.t0 === null || probe.t1 !== null || !last.includes('edit ' + expected + ' ')) return;
    probe.t1 = -1; // seen: the frame that paints it is the mark
    requestAnimationFrame(() => { probe.t1 = performance.now(); });
  });
  window.addEventListener('keydown', onKey, true);
  if (log) observer.observe(log, { childList: true, subtree: true, characterData: true });
  probe.off = () => { window.removeEventListener('keydown', onKey, true); observer.disconnect(); };
  window.__edit = probe;
}`;

/** One keystroke at the end of the `#define EDIT` line; returns ms from keydown to the result shown. */
async function edit(page: Page, key: string, expected: string): Promise<number> {
  await page.evaluate(`(${PROBE})(${JSON.stringify(expected)})`);
  await page.keyboard.press(key);
  await page.waitForFunction(
    () => ((window as unknown as { __edit: { t1: number | null } }).__edit.t1 ?? -1) > 0,
    null,
    { timeout: 60_000, polling: 50 },
  );
  return page.evaluate(() => {
    const p = (window as unknown as { __edit: { t0: number; t1: number } }).__edit;
    return p.t1 - p.t0;
  });
}

export async function measurePageEditLatency(options: { edits?: number } = {}): Promise<PageEditResult> {
  const edits = Math.max(10, options.edits ?? 12);
  const source = readFileSync(`${root}/${PROGRAM}`, 'utf8');
  const editLine = source.split('\n').findIndex((l) => l.startsWith('#define EDIT')) + 1;
  const before = load();
  const site = await startSite();
  try {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
    // The program is the visitor's saved one, so the page opens with it and runs it once by itself.
    await context.addInitScript(
      ([key, text]) => {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify({ source: text, savedAt: 1 }));
      },
      [SOURCE_KEY, source] as const,
    );
    const page = await context.newPage();
    await page.goto(site.url);
    await page.locator('[role="log"][aria-label="trace_pipe output"] >> text=/edit 100 /').first().waitFor({ timeout: 180_000 }); // prettier-ignore
    // The cursor at the end of the EDIT line: each keystroke appends or removes one digit.
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    for (let i = 1; i < editLine; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const samples: number[] = [];
    for (let i = 0; i < WARM_EDITS + edits; i++) {
      const digit = String((i % 9) + 1);
      const ms = i % 2 === 0 ? await edit(page, digit, `100${digit}`) : await edit(page, 'Backspace', '100');
      if (i >= WARM_EDITS) samples.push(ms);
    }
    await context.close();
    return {
      program: PROGRAM,
      edits,
      medianMs: median(samples),
      minMs: Math.min(...samples),
      maxMs: Math.max(...samples),
      samplesMs: samples,
      debounceMs: COMPILE_DEBOUNCE_MS,
      loadAverage: { before, after: load() },
    };
  } finally {
    await site.close();
  }
}

export function formatPageEditBench(r: PageEditResult): string {
  return [
    `edit to result (built site, headless Chromium, ${r.program}; warm, ${r.edits} edits)`,
    `median ${Math.round(r.medianMs)} ms (of which ${r.debounceMs} ms debounce), min ${Math.round(r.minMs)}, max ${Math.round(r.maxMs)}; target ≤ 300 ms`,
  ].join('\n');
}

/** For bench.ts: measures and prints, or says why it was skipped. */
export async function runPageEditBench(): Promise<PageEditResult | { skipped: string }> {
  const why = pageEditBenchUnavailable();
  if (why !== null) {
    console.log(`edit to result: SKIPPED (${why})`);
    return { skipped: why };
  }
  const r = await measurePageEditLatency();
  console.log(`\n${formatPageEditBench(r)}`);
  return r;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const why = pageEditBenchUnavailable();
  if (why !== null) console.log(`edit to result: SKIPPED (${why})`);
  else {
    const i = process.argv.indexOf('--edits');
    const r = await measurePageEditLatency({ edits: i >= 0 ? Number(process.argv[i + 1]) : 12 });
    console.log(formatPageEditBench(r));
    console.log(JSON.stringify(r));
  }
}
