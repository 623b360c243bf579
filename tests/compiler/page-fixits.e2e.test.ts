// The built page in headless Chromium with the committed clang.wasm.br: the compiler worker loads it
// (brotli decoded in the worker), the page compiles what is typed, clang's error shows as a marker,
// and its fix-it is offered as a Monaco quick fix (Ctrl+.) that, applied, makes the program compile.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, haveChromium, root, startSite, type Site } from '../e2e/harness';
import { skipLoudly } from './toolchain';

const haveArtifact = existsSync(join(root, 'public/clang/clang.wasm.br'));
const skip =
  skipLoudly('page fix-its', haveChromium, `${CHROMIUM} is missing`) ||
  skipLoudly('page fix-its', haveArtifact, 'public/clang/clang.wasm.br is missing');

const BROKEN = [
  '#include <linux/bpf.h>',
  '#include <bpf/bpf_helpers.h>',
  'SEC("xdp") int prog(struct xdp_md *ctx) {',
  '  return XDP_PASS',
  '}',
  'char LICENSE[] SEC("license") = "GPL";',
].join('\n');

const status = (page: Page) => page.getByTestId('compiler-status').innerText();
const lines = async (page: Page) =>
  (await page.locator('.monaco-editor .view-line').allInnerTexts()).map((l) => l.replace(/\u00a0/g, ' '));

describe.skipIf(skip)('page: clang.wasm compile and fix-its in headless Chromium', () => {
  let site: Site;

  beforeAll(async () => {
    site = await startSite();
  }, 300_000);

  afterAll(async () => {
    await site?.close();
  });

  it('compiles typed code, marks the error and applies the fix-it from the quick-fix menu', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(site.url);
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/clang|Compiled/);

    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // Monaco auto-closes brackets and quotes when typing: insert the text in one go instead.
    await page.keyboard.insertText(BROKEN);
    await expect.poll(() => status(page), { timeout: 60_000 }).toBe('Compile failed');
    await page.locator('.squiggly-error').first().waitFor({ timeout: 10_000 });

    // Caret on the marked line, then the quick-fix menu.
    await page.locator('.monaco-editor .view-line', { hasText: 'return XDP_PASS' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget', { hasText: "Insert ';'" });
    await fix.waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');

    await expect.poll(() => lines(page)).toContain('  return XDP_PASS;');
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/^Compiled in \d+ ms$/);
    expect(await page.locator('.squiggly-error').count()).toBe(0);
    await page.close();
  });
});
