/**
 * End to end: builds the site, serves it with `vite preview` on a free localhost port, and drives
 * it in headless Debian Chromium (playwright-core, no browser downloads). Screenshots go to
 * tests/artifacts/e2e/ — look at them.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'tests/artifacts/e2e');
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium) {
  console.warn(`\n*** e2e SKIPPED: ${CHROMIUM} is missing (apt-get install chromium) ***\n`);
}

describe.skipIf(!haveChromium)('playground in headless Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let url: string;
  let outDir: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'ebpf-playground-e2e-'));
    mkdirSync(shots, { recursive: true });
    await build({
      root,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, rolldownOptions: { checks: { pluginTimings: false } } },
    });
    server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error('preview server has no port');
    url = `http://127.0.0.1:${address.port}/`;
    browser = await chromium.launch({
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
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });

  async function open(page: Page): Promise<void> {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
  }

  // Monaco renders spaces as non-breaking spaces.
  const firstLine = async (page: Page) =>
    (await page.locator('.monaco-editor .view-line').first().innerText()).replace(/\u00a0/g, ' ');

  it('shows the example, keeps typed text across a reload, and toggles panels', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
    const page = await context.newPage();
    await open(page);

    // A first visit gets the XDP example, and the page says plainly that the compiler is not here yet.
    await expect.poll(() => page.locator('.view-lines').innerText()).toContain('SEC("xdp")');
    await expect.poll(() => page.getByTestId('compiler-status').innerText()).toMatch(/not available yet|Compil/);
    await page.screenshot({ path: join(shots, 'first-visit-1280x720.png') });

    // Type at the top of the program, then reload: the text is still there.
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('// kept across reloads\n');
    await expect.poll(() => firstLine(page)).toContain('// kept across reloads');
    await page.reload();
    await page.locator('.monaco-editor .view-lines').waitFor();
    await expect.poll(() => firstLine(page)).toContain('// kept across reloads');

    // Ctrl+Enter runs (here: explains that running needs the compiler); Ctrl+S is harmless.
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => page.locator('.toast').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Run|compile/i)]));
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => page.locator('.toast').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/Saved in this browser/)]));

    // Each panel renders (real data or an honest empty state); screenshot each.
    for (const name of ['Verifier', 'Disassembly', 'Registers', 'Inputs']) {
      await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
      await expect(page.getByRole('tab', { name: new RegExp(`^${name}`) }).getAttribute('aria-selected')).resolves.toBe(
        'true',
      );
      await page.screenshot({ path: join(shots, `panel-${name.toLowerCase()}.png`) });
    }
    for (const name of ['Maps', 'trace_pipe']) {
      await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
      await page.screenshot({ path: join(shots, `panel-${name.toLowerCase()}.png`) });
    }

    // Inputs: edit the TTL and see the decoded view follow, with a correct checksum.
    await page.getByRole('tab', { name: /^Inputs/ }).click();
    const ttl = page.getByRole('textbox', { name: 'TTL' });
    await ttl.fill('7');
    await ttl.press('Enter');
    await expect.poll(() => page.locator('.decoded-list').innerText()).toContain('TTL 7');
    await expect.poll(() => page.locator('.decoded-list .pill-ok').count()).toBe(2);

    // Hide the Maps panel from the Panels menu; it stays hidden after a reload.
    await page.getByRole('button', { name: 'Panels' }).click();
    await page.getByRole('checkbox', { name: 'Maps' }).uncheck();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('tab', { name: /^Maps/ }).count()).toBe(0);
    await page.reload();
    await page.locator('.monaco-editor .view-lines').waitFor();
    await expect.poll(() => page.getByRole('tab', { name: /^Maps/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Panels' }).click();
    await page.getByRole('checkbox', { name: 'Maps' }).check();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('tab', { name: /^Maps/ }).count()).toBe(1);
    await context.close();
  });

  it('follows a dark system theme and fits a tablet', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await open(page);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: join(shots, 'dark-1280x720.png') });
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.locator('.monaco-editor .view-lines').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(shots, 'dark-tablet-768x1024.png') });
    await context.close();
  });
});
