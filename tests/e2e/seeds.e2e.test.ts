/**
 * End to end for the seed programs in the gallery (issues 7 and 8): each of the six entries opens
 * from the gallery (BCC scripts through the .py import, C as it is), compiles with clang.wasm in
 * the page, runs its seed's workload, and trace_pipe shows the seed's expected lines (expected.txt,
 * the CLI's output) apart from timestamps. Screenshots: tests/artifacts/e2e/seed-*.png.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedExamplesFromDisk } from '../../src/examples/node-examples';
import { haveChromium, root, shots, startSite, type Site } from './harness';

const haveClangWasm = existsSync(join(root, 'public/clang/clang.wasm.br'));
const SEEDS = loadSeedExamplesFromDisk();

/** trace_pipe lines with the timestamp column blanked (the page and the CLI start their clocks alike, but need not). */
function traceLines(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.includes('bpf_trace_printk:'))
    .map((l) => l.trim().replace(/\s\d+\.\d{6}:\s/, ' T: '));
}

describe.skipIf(!haveChromium || !haveClangWasm)('seed programs from the gallery in headless Chromium', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  }, 300_000);
  afterAll(async () => {
    await site?.close();
  });

  const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });

  it('opens each seed, runs it unchanged, and shows its expected trace lines', { timeout: 600_000 }, async () => {
    const context = await site.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url);
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 60_000 });
    for (const seed of SEEDS) {
      await page.getByRole('button', { name: 'Examples' }).click();
      const gallery = page.getByRole('dialog', { name: 'Examples' });
      if (seed === SEEDS[0]) {
        // The seeds' ids start with "seed-": the filter shows exactly the six of them.
        await page.getByRole('searchbox', { name: 'Filter examples' }).fill('seed-');
        await expect.poll(() => gallery.getByRole('list', { name: 'Examples' }).locator('li').count()).toBe(SEEDS.length); // prettier-ignore
        await page.waitForTimeout(500); // the dialog's fade-in, for a readable screenshot
        await page.screenshot({ path: join(shots, 'seed-gallery.png') });
        await page.getByRole('searchbox', { name: 'Filter examples' }).fill('');
      }
      await gallery.getByRole('button', { name: `Open example: ${seed.meta.title}` }).click();
      await expect.poll(() => page.getByRole('dialog', { name: 'Examples' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await tab(page, 'trace_pipe').click();
      const want = traceLines(seed.expected ?? '');
      expect(want.length, seed.id).toBeGreaterThan(0);
      await expect
        .poll(async () => traceLines(await page.getByLabel('trace_pipe output').innerText()), { timeout: 120_000 })
        .toEqual(want);
      // The run configuration holds the attach points the script or seed.json names, each valid for the program.
      await tab(page, 'Inputs').click();
      const attachments = seed.meta.inputs.kind === 'attach' ? seed.meta.inputs.attachments : [];
      for (const [i, spec] of attachments.entries())
        expect(await page.getByRole('textbox', { name: `Attach point ${i + 1}` }).inputValue()).toBe(spec);
      expect(await page.getByText(/no function|several functions/).count()).toBe(0);
      if (seed.id === 'seed-xdp-ping' || seed.id === 'seed-disksnoop')
        await page.screenshot({ path: join(shots, `${seed.id}.png`) });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
