/**
 * A shared link reproduces the results, not only the program (issue 8): a page is set up the way a
 * visitor would (an example, a workload, a lesson step; map entries edited by hand), run, and its
 * Share link opened in a fresh browser context — no localStorage, no cache — and run there. Verdicts,
 * r0, packets out, firings, trace_pipe and maps must be the same. Needs clang.wasm in the build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_STEPS } from '../../src/ui/lessons/first-steps';
import { haveChromium, root, shots, startSite, type Site } from './harness';
import { addMapEntry, runAndRead, shareLink, type RunSnapshot } from './page-results';

const haveClangWasm = existsSync(join(root, 'public/clang/clang.wasm.gz')) || existsSync(join(root, 'public/clang/clang.wasm.br')); // prettier-ignore

describe.skipIf(!haveChromium || !haveClangWasm)(
  'shared links reproduce run results in headless Chromium',
  { timeout: 180_000 },
  () => {
    let site: Site;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      site = await startSite();
    }, 300_000);

    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await site?.close();
    });

    /** A new visitor: a browser context of its own, so nothing is stored or cached yet. */
    async function visitor(): Promise<{ page: Page; errors: string[] }> {
      const context = await site.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
      contexts.push(context);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      return { page, errors };
    }

    const editorReady = (page: Page) => page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });

    async function openExample(page: Page, title: string): Promise<void> {
      await page.getByRole('button', { name: 'Examples' }).click();
      await page.getByRole('button', { name: `Open example: ${title}` }).click();
      const ask = page.getByRole('dialog', { name: /Replace your program/ });
      if ((await ask.count()) > 0) await ask.getByRole('button', { name: 'Replace it' }).click();
      await expect.poll(() => page.getByRole('dialog', { name: 'Examples' }).count()).toBe(0);
    }

    /**
     * Opens `link` as a new visitor and returns what its run showed: packet programs run by
     * themselves once they are compiled and accepted (pressing Run as well would run them twice).
     */
    async function openAndRun(link: string, shot: string, press: boolean): Promise<RunSnapshot> {
      const { page, errors } = await visitor();
      await page.goto(link);
      await editorReady(page);
      const snapshot = await runAndRead(page, { press });
      await page.screenshot({ path: join(shots, shot) });
      expect(errors).toEqual([]);
      return snapshot;
    }

    it('packets: an example with a map entry added by hand', async () => {
      const { page, errors } = await visitor();
      await page.goto(site.url);
      await editorReady(page);
      await openExample(page, 'Port firewall with a hash map');
      // Block port 80 too (keys are the port in network byte order): packet 1 is TCP to port 80.
      await addMapEntry(page, 'blocked_ports', '00 50', '0');
      const original = await runAndRead(page);
      expect(original.results[0]).toContain('XDP_DROP');
      expect(original.results.map((r) => /XDP_\w+/.exec(r)?.[0])).toEqual(['XDP_DROP', 'XDP_DROP', 'XDP_DROP', 'XDP_DROP', 'XDP_PASS']); // prettier-ignore
      const link = await shareLink(page);
      expect(errors).toEqual([]);
      expect(await openAndRun(link, 'shared-results-packets.png', false)).toEqual(original);
    });

    it('workload: a tracepoint example with a pre-seeded map entry', async () => {
      const { page, errors } = await visitor();
      await page.goto(site.url);
      await editorReady(page);
      await openExample(page, 'Syscalls per process');
      // pid 1200 (bash in the demo workload) starts at 1000 syscalls: the run must add to it.
      await addMapEntry(page, 'per_process', '1200', '1000');
      const original = await runAndRead(page);
      expect(original.results[0]).toMatch(/70 firings/);
      expect(original.maps.join('\n')).toMatch(/1016/);
      const link = await shareLink(page);
      expect(errors).toEqual([]);
      expect(await openAndRun(link, 'shared-results-workload.png', true)).toEqual(original);
    });

    it('lesson step: the firewall step with the learner’s code and an extra blocked port', async () => {
      const { page, errors } = await visitor();
      await page.goto(site.url);
      await editorReady(page);
      await page.getByRole('button', { name: 'Lessons' }).click();
      await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: 'Start' }).click();
      const index = FIRST_STEPS.steps.findIndex((s) => s.id === '07-firewall');
      const step = FIRST_STEPS.steps[index]!;
      await page.getByRole('button', { name: `Step ${index + 1}: ${step.title}` }).click();
      await page.evaluate((t) => navigator.clipboard.writeText(t), step.solution);
      await page.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Control+v');
      await expect.poll(() => page.locator('.monaco-editor .view-lines').innerText()).toContain('blocked_ports');
      await addMapEntry(page, 'blocked_ports', '80', '1');
      const original = await runAndRead(page);
      expect(original.results.map((r) => /XDP_\w+/.exec(r)?.[0])).toEqual(['XDP_DROP', 'XDP_DROP', 'XDP_PASS']);
      const link = await shareLink(page);
      expect(errors).toEqual([]);
      const { page: fresh } = await visitor();
      await fresh.goto(link);
      await editorReady(fresh);
      await expect.poll(() => fresh.getByRole('complementary', { name: 'Lesson' }).innerText()).toContain(step.title);
      expect(await runAndRead(fresh, { press: false })).toEqual(original);
      await fresh.screenshot({ path: join(shots, 'shared-results-lesson.png') });
    });
  },
);
