/**
 * A traffic run in headless Chromium: example 01 (count protocols) compiled by clang.wasm in the
 * page, then 1,000,000 packets in the runtime worker — progress moves, the editor takes typing
 * while it runs, the run completes with totals and charts, and a second run is cancelled.
 * Screenshots: tests/artifacts/e2e/traffic-*.png; the packets/s reached: traffic-chromium.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CLANG_WASM } from '../compiler/toolchain';
import { CHROMIUM, haveChromium, root, shots, startSite, type Site } from './harness';

if (!haveChromium) console.warn(`\n*** traffic e2e SKIPPED: ${CHROMIUM} is missing ***\n`);

const EXAMPLE = readFileSync(join(root, 'src/examples/01-count-protocols/count_protocols.bpf.c'), 'utf8');
const RATE_LIMIT = readFileSync(join(root, 'tests/traffic/fixtures/rate_limit.c'), 'utf8');
const haveClangWasm = HAS_CLANG_WASM;
if (haveChromium && !haveClangWasm) console.warn('\n*** traffic e2e SKIPPED: clang.wasm is not built ***\n');

const doneOf = async (page: Page): Promise<number> =>
  Number((await page.getByRole('progressbar', { name: 'Traffic run progress' }).getAttribute('aria-valuenow')) ?? 0);

/** proto_count[key] as the Maps panel shows it (0 when the slot is hidden as zero). */
async function protoCount(page: Page, key: number): Promise<number> {
  await page.getByRole('tab', { name: /^Maps/ }).click();
  const text = await page.getByRole('tabpanel').last().innerText();
  return Number(new RegExp(`(?:^|\\n)${key}\\s*\\n(\\d+)`).exec(text)?.[1] ?? 0);
}

/** Types `text` at the end of the program; the time until all of it shows in the editor. */
async function typingTime(page: Page, text: string): Promise<number> {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  const start = Date.now();
  await page.keyboard.type(`\n${text}`);
  await expect
    .poll(async () => (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' '), {
      timeout: 10_000,
      interval: 20,
    })
    .toContain(text);
  return Date.now() - start;
}

/**
 * Over `ms`: the longest gap between animation frames (what a user feels as a freeze) and the
 * main thread's long tasks (> 50 ms) in all, which tell page work apart from a starved CPU.
 */
const frameStats = (page: Page, ms: number): Promise<{ gap: number; longTasks: number }> =>
  page.evaluate(
    (ms) =>
      new Promise<{ gap: number; longTasks: number }>((resolve) => {
        let longTasks = 0;
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longTasks += e.duration;
        });
        observer.observe({ type: 'longtask' });
        let last = performance.now();
        let gap = 0;
        const end = last + ms;
        const frame = (t: number) => {
          gap = Math.max(gap, t - last);
          last = t;
          if (t < end) requestAnimationFrame(frame);
          else {
            observer.disconnect();
            resolve({ gap, longTasks });
          }
        };
        requestAnimationFrame(frame);
      }),
    ms,
  );

describe.skipIf(!haveChromium || !haveClangWasm)('traffic run in headless Chromium', () => {
  let site: Site;

  beforeAll(async () => {
    site = await startSite();
  }, 600_000);

  afterAll(async () => {
    await site?.close();
  });

  /** A page whose saved program is `source` (auto-compile off, so typing does not reload it), compiled and verified. */
  async function openWith(source: string) {
    const context = await site.browser.newContext({ viewport: { width: 1440, height: 1100 }, colorScheme: 'light' });
    await context.addInitScript((source) => {
      if (sessionStorage.getItem('traffic-e2e') !== null) return;
      sessionStorage.setItem('traffic-e2e', '1');
      localStorage.setItem('ebpf-playground:source:v1', JSON.stringify({ source, savedAt: Date.now() }));
      localStorage.setItem('ebpf-playground:settings:v1', JSON.stringify({ autoCompile: false }));
    }, source);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url);
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByRole('tab', { name: /^Verifier/ }).innerText(), { timeout: 180_000, interval: 500 })
      .toMatch(/ok/);
    await page.getByRole('tab', { name: /^Traffic/ }).click();
    return { context, page, errors };
  }

  it('runs 1,000,000 packets of example 01 without freezing the page, then cancels a second run', async () => {
    const { context, page, errors } = await openWith(EXAMPLE);

    // The page's first run (its Inputs packet) already counted: the traffic run adds to the maps.
    const tcpBefore = await protoCount(page, 6);
    await page.getByRole('tab', { name: /^Traffic/ }).click();
    await expect.poll(() => page.getByTestId('traffic-panel').isVisible()).toBe(true);
    const idle = await frameStats(page, 1000);
    await page.getByRole('button', { name: 'Start traffic' }).click();
    await expect.poll(() => doneOf(page), { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);
    const early = await doneOf(page);
    // The main thread only renders summaries: animation frames keep coming while the worker runs.
    const running = await frameStats(page, 1000);
    expect(await doneOf(page)).toBeGreaterThan(early);
    await page.getByTestId('verdict-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'traffic-running.png') });
    expect(running.gap).toBeLessThan(1000);

    await expect
      .poll(
        () =>
          page
            .getByTestId('traffic-totals')
            .isVisible()
            .catch(() => false),
        { timeout: 300_000, interval: 250 },
      )
      .toBe(true);
    const totals = await page.getByTestId('traffic-totals').innerText();
    expect(totals).toMatch(/Completed: 1,000,000 of 1,000,000 packets/);
    expect(totals).toMatch(/XDP_PASS/);
    const pps = Number(/([\d,]+) packets\/s/.exec(totals)![1]!.replace(/,/g, ''));
    expect(pps).toBeGreaterThan(0);
    expect(await page.getByTestId('verdict-chart').locator('rect').count()).toBeGreaterThan(100);
    expect(await page.getByTestId('map-chart').locator('polyline').count()).toBe(3);
    await page.getByTestId('verdict-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'traffic-completed.png') });

    // The Maps panel shows the maps as the run left them: proto_count[6] grew by the TCP class's count.
    const tcp = Number(/ipv4-tcp-syn ([\d,]+)/.exec(totals)![1]!.replace(/,/g, ''));
    expect(tcp).toBeGreaterThan(600_000);
    await expect.poll(() => protoCount(page, 6)).toBe(tcpBefore + tcp);
    await page.screenshot({ path: join(shots, 'traffic-maps.png') });

    // Typing with nothing running, for comparison (auto-compile is off: the loaded build stays).
    const idleTypingMs = await typingTime(page, '// typed while idle');

    // A second, longer run: typing in the editor meanwhile shows at once and the run goes on;
    // Cancel stops it promptly and says the maps are as the stop left them.
    await page.getByRole('tab', { name: /^Traffic/ }).click();
    await page.getByRole('combobox', { name: 'Packets' }).selectOption('10000000');
    await page.getByRole('button', { name: 'Start traffic' }).click();
    await expect.poll(() => doneOf(page), { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);
    const typingMs = await typingTime(page, '// typed during the traffic run');
    const afterTyping = await doneOf(page);
    await expect.poll(() => doneOf(page), { timeout: 10_000, interval: 100 }).toBeGreaterThan(afterTyping);
    await page.screenshot({ path: join(shots, 'traffic-typing.png') });
    await page.getByRole('button', { name: 'Cancel' }).click();
    const cancelledAt = Date.now();
    await expect
      .poll(
        () =>
          page
            .getByTestId('traffic-totals')
            .innerText()
            .catch(() => ''),
        { timeout: 5_000, interval: 50 },
      )
      .toMatch(/Cancelled: [\d,]+ of 10,000,000 packets/);
    const cancelMs = Date.now() - cancelledAt;
    expect(cancelMs).toBeLessThan(3_000);
    await page.getByTestId('traffic-totals').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'traffic-cancelled.png') });
    const round = (f: { gap: number; longTasks: number }) => ({
      gap: Math.round(f.gap),
      longTasks: Math.round(f.longTasks),
    });
    const measured = { packets: 1_000_000, packetsPerSecond: pps, idle: round(idle), running: round(running), idleTypingMs, typingMs, cancelMs }; // prettier-ignore
    writeFileSync(join(shots, 'traffic-chromium.json'), `${JSON.stringify(measured, null, 2)}\n`);
    console.log(`traffic e2e: ${JSON.stringify(measured)}`);
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);
  it('shows a ktime rate limiter dropping half at 100,000 packets/s and (almost) nothing at 40,000', async () => {
    const { context, page, errors } = await openWith(RATE_LIMIT);
    const run = async (rate: string): Promise<string> => {
      await page.getByRole('spinbutton', { name: /^Rate/ }).fill(rate);
      await page.getByRole('button', { name: 'Start traffic' }).click();
      await expect
        .poll(
          () =>
            page
              .getByTestId('traffic-totals')
              .innerText()
              .catch(() => ''),
          { timeout: 300_000, interval: 250 },
        )
        .toMatch(/Completed: 1,000,000 of 1,000,000/);
      return page.getByTestId('traffic-totals').innerText();
    };
    const fast = await run('100000');
    const drops = (totals: string) => Number((/XDP_DROP \(1\)\s*([\d,]+)/.exec(totals)?.[1] ?? '0').replace(/,/g, ''));
    expect(drops(fast) / 1_000_000).toBeCloseTo(0.5, 1);
    // The chart follows the counter map (verdicts[0] passed, verdicts[1] dropped), not the struct one.
    expect(await page.getByTestId('map-chart').locator('polyline').count()).toBe(2);
    await page.getByTestId('verdict-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'traffic-rate-limit.png') });
    const slow = await run('40000');
    // Only the 100 ms window the first run left full can still drop (maps live on between runs).
    expect(drops(slow)).toBeLessThan(5_000);
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);
});
