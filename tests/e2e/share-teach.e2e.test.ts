/**
 * End to end for sharing and teaching (issue 8) and tracing in the page (issue 7): shared links
 * open exactly, bad links explain themselves, the gallery loads examples, a lesson step's check
 * passes, tracing runs a workload, BCC scripts paste in, embed and presenter views render, and the
 * site works offline after a first visit. Screenshots: tests/artifacts/e2e/ — look at them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteBcc, parseBccScript } from '../../src/bpf/bcc';
import { defaultShareState, encodeShareFragment, type ShareState } from '../../src/sharing';
import { FIRST_STEPS } from '../../src/ui/lessons/first-steps';
import { compileC, haveChromium, haveClang, root, shots, startSite, type Site } from './harness';

/** clang.wasm is in this build: the page compiles by itself. */
const haveClangWasm = existsSync(join(root, 'public/clang/clang.wasm.br'));

const SOURCE_KEY = 'ebpf-playground:source:v1';

// Each test opens several pages that compile with clang.wasm: minutes on a loaded 2-core machine.
describe.skipIf(!haveChromium)('sharing, teaching and tracing in headless Chromium', { timeout: 240_000 }, () => {
  let site: Site;
  let objects: string;

  beforeAll(async () => {
    site = await startSite();
    objects = mkdtempSync(join(tmpdir(), 'ebpf-playground-e2e-objects-'));
  }, 300_000);

  afterAll(async () => {
    await site?.close();
    if (objects !== undefined) rmSync(objects, { recursive: true, force: true });
  });

  async function newPage(
    opts: { width?: number; height?: number; saved?: string } = {},
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await site.browser.newContext({
      viewport: { width: opts.width ?? 1280, height: opts.height ?? 720 },
      colorScheme: 'light',
    });
    if (opts.saved !== undefined) {
      const saved = JSON.stringify({ source: opts.saved, savedAt: 1 });
      await context.addInitScript(
        ([key, value]) => {
          if (sessionStorage.getItem('seeded') === null) {
            localStorage.setItem(key!, value!);
            sessionStorage.setItem('seeded', '1');
          }
        },
        [SOURCE_KEY, saved],
      );
    }
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  }

  const editorReady = (page: Page) => page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
  const editorText = async (page: Page) =>
    (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
  const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });

  it('opens a shared link exactly, follows edits in the address bar, and explains broken links', async () => {
    const state: ShareState = {
      ...defaultShareState(
        '// shared: drop TCP\n#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\nSEC("xdp")\nint shared_prog(struct xdp_md *ctx) { return XDP_PASS; }\nchar LICENSE[] SEC("license") = "GPL";\n',
      ),
      compile: { optLevel: 1, cpu: 'v2', debugInfo: true, defines: [], warnings: [] },
      privileged: false,
      inputs: { kind: 'packets', packets: [{ hex: '02000000000202000000000108004500' + '00'.repeat(30) }, { hex: 'ff'.repeat(60) }], selected: 1 }, // prettier-ignore
      panels: { hidden: ['registers'], active: { side: 'inputs', bottom: 'maps' } },
    };
    const link = `${site.url}#${encodeShareFragment(state)}`;
    // A visitor with their own saved work opens the link: they see the shared program, theirs is kept.
    const { context, page, errors } = await newPage({ saved: '// my own program\nint x;\n' });
    await page.goto(link);
    await editorReady(page);
    await expect.poll(() => editorText(page)).toContain('// shared: drop TCP');
    expect(await page.getByRole('combobox', { name: 'Optimisation level' }).inputValue()).toBe('1');
    expect(await page.getByRole('combobox', { name: 'Target CPU version' }).inputValue()).toBe('v2');
    await expect.poll(() => page.getByRole('button', { name: 'Unprivileged' }).count()).toBe(1);
    expect(await tab(page, 'Registers').count()).toBe(0);
    expect(await tab(page, 'Maps').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByRole('tab', { name: 'Packet 2' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('link-notice').innerText()).toMatch(/shared program/);
    await page.screenshot({ path: join(shots, 'shared-link.png') });
    expect(await page.evaluate((k) => localStorage.getItem(k), SOURCE_KEY)).toContain('my own program');

    // Edits go to the address bar (one history entry), never over the visitor's saved program.
    const historyLength = await page.evaluate(() => history.length);
    const before = await page.evaluate(() => location.hash);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n// edited');
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5000 }).not.toBe(before);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    expect(await page.evaluate((k) => localStorage.getItem(k), SOURCE_KEY)).toContain('my own program');
    // The address bar's link opens the edited program.
    await page.reload();
    await editorReady(page);
    await expect.poll(() => editorText(page)).toContain('// edited');
    // And the way back to the visitor's own program.
    await page.getByRole('button', { name: 'Back to my program' }).click();
    await expect.poll(() => editorText(page)).toContain('// my own program');
    expect(errors).toEqual([]);
    await context.close();

    // Corrupt, truncated, future-version and oversized links: a clear message and the default program.
    const cases: [string, RegExp][] = [
      [`${site.url}#s=2.${'A'.repeat(40)}`, /could not be opened/],
      [link.slice(0, link.length - 30), /could not be opened/],
      [`${site.url}#s=99.AAAA`, /newer version of the playground/],
      [`${site.url}#s=2.${'A'.repeat(40_000)}`, /KiB/],
    ];
    for (const [bad, message] of cases) {
      const { context: c, page: p, errors: e } = await newPage({ saved: '// my own program\nint x;\n' });
      await p.goto(bad);
      await editorReady(p);
      await expect.poll(() => p.getByTestId('link-notice').innerText()).toMatch(message);
      await expect.poll(() => editorText(p)).toContain('Count packets per IP protocol');
      expect(await p.evaluate((k) => localStorage.getItem(k), SOURCE_KEY)).toContain('my own program');
      if (bad.includes('#s=2.AAAA')) await p.screenshot({ path: join(shots, 'broken-link.png') });
      expect(e).toEqual([]);
      await c.close();
    }
  });

  it('loads an example from the gallery, asking before replacing the visitor’s program', async () => {
    const { context, page, errors } = await newPage({ saved: '// my own program\nint x;\n' });
    await page.goto(site.url);
    await editorReady(page);
    await page.getByRole('button', { name: 'Examples' }).click();
    const gallery = page.getByRole('dialog', { name: 'Examples' });
    await expect.poll(() => gallery.getByRole('list', { name: 'Examples' }).locator('li').count()).toBeGreaterThan(5);
    await page.screenshot({ path: join(shots, 'gallery.png') });
    await page.getByRole('searchbox', { name: 'Filter examples' }).fill('icmp drop');
    await gallery.getByRole('button', { name: 'Open example: Drop ICMP' }).click();
    // The visitor's own program is at stake: the page asks.
    const ask = page.getByRole('dialog', { name: /Replace your program/ });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Keep my program' }).click();
    await expect.poll(() => editorText(page)).toContain('// my own program');
    await gallery.getByRole('button', { name: 'Open example: Drop ICMP' }).click();
    await page
      .getByRole('dialog', { name: /Replace your program/ })
      .getByRole('button', { name: 'Replace it' })
      .click();
    await expect.poll(() => editorText(page)).toContain('int drop_icmp(struct xdp_md *ctx)');
    await expect.poll(() => page.getByRole('tablist', { name: 'Input packets' }).getByRole('tab').count()).toBe(4);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.skipIf(!haveClang)(
    'completes a lesson step: the check passes on hidden packets and progress is kept',
    async () => {
      const { context, page, errors } = await newPage();
      await page.goto(site.url);
      await editorReady(page);
      await page.getByRole('button', { name: 'Lessons' }).click();
      await page.screenshot({ path: join(shots, 'lessons.png') });
      await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: 'Start' }).click();
      const pane = page.getByRole('complementary', { name: 'Lesson' });
      await expect.poll(() => pane.innerText()).toContain('Hello, XDP');
      await expect.poll(() => editorText(page)).toContain('TODO: print');
      await pane.getByRole('button', { name: 'Hint' }).click();
      await expect.poll(() => pane.innerText()).toMatch(/hint 1/i);
      // The learner's program: pasted into the editor and compiled by clang.wasm in the page — or,
      // in a build without clang.wasm, compiled by native clang-19 and opened as a .o.
      const step = FIRST_STEPS.steps[0]!;
      if (haveClangWasm) {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
        await page.evaluate((t) => navigator.clipboard.writeText(t), step.solution);
        await page.locator('.monaco-editor .view-lines').click();
        await page.keyboard.press('Control+a');
        await page.keyboard.press('Control+v');
        await expect.poll(() => editorText(page)).toContain('bpf_printk("Hello, XDP!");');
      } else {
        await page.getByLabel('Open object file').setInputFiles(compileC(step.solution, 'hello', objects));
        await expect.poll(() => page.getByTestId('opened-object').innerText()).toContain('hello.o');
      }
      await pane.getByRole('button', { name: 'Check' }).click();
      await expect
        .poll(() => page.getByTestId('check-result').innerText(), { timeout: 60_000 })
        .toContain('Check passed');
      expect(await page.getByTestId('check-result').innerText()).toContain('Every packet prints "Hello, XDP!"');
      await page.screenshot({ path: join(shots, 'lesson-step-passed.png') });
      // Progress is kept in this browser: the address bar carries the open lesson step once its
      // debounced update has run, so wait for it before reloading.
      await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('#s=');
      await page.waitForTimeout(600);
      await page.reload();
      await editorReady(page);
      await expect
        .poll(() => page.getByRole('button', { name: /Step 1: Hello, XDP \(done\)/ }).count(), { timeout: 15_000 })
        .toBe(1);
      // The starter fails the same check, and says why.
      await page.getByLabel('Open object file').setInputFiles(compileC(step.starter, 'hello_starter', objects));
      await expect.poll(() => page.getByTestId('opened-object').innerText()).toContain('hello_starter.o');
      await pane.getByRole('button', { name: 'Check' }).click();
      await expect.poll(() => page.getByTestId('check-result').innerText(), { timeout: 20_000 }).toContain('Not yet');
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it.skipIf(!haveClang)(
    'traces: a pasted BCC script configures the run, and the workload streams firings',
    async () => {
      const { context, page, errors } = await newPage({ width: 1440, height: 900 });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
      await page.goto(site.url);
      await editorReady(page);
      const script = readFileSync(join(root, 'tests/seeds/1-hello-world/hello_world.py'), 'utf8');
      await page.evaluate((t) => navigator.clipboard.writeText(t), script);
      await page.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Control+v');
      await expect.poll(() => editorText(page)).toContain('int hello_world(void *ctx) {');
      expect(await editorText(page)).not.toContain('from bcc import');
      await tab(page, 'Inputs').click();
      await expect.poll(() => page.getByRole('radio', { name: /Workload/ }).getAttribute('aria-checked')).toBe('true');
      expect(await page.getByRole('textbox', { name: 'Attach point 1' }).inputValue()).toBe('kprobe:__x64_sys_socket=hello_world'); // prettier-ignore

      // Workload text is parsed as it is typed; problems show inline.
      await page.getByRole('combobox', { name: 'Workload preset' }).selectOption('sockets');
      const text = page.getByRole('textbox', { name: 'Workload text' });
      await text.fill('at 0ms: curl connects to 93.184.216.34:80\nat 5ms: bash frobnicates\n');
      await expect.poll(() => page.getByRole('alert', { name: 'Workload problems' }).innerText()).toMatch(/line 2/);
      await page.getByRole('combobox', { name: 'Workload preset' }).selectOption('sockets');
      await expect.poll(() => page.getByRole('alert', { name: 'Workload problems' }).count()).toBe(0);

      // The BCC C through the rewrite (here natively compiled, as the page does with clang.wasm).
      const parsed = parseBccScript(script);
      const attachments = new Map(parsed.attachments.map((a) => [a.program, a.attachment]));
      const rewritten = rewriteBcc(parsed.text!, { fileName: 'prog.c', attachments }).source;
      await page.getByLabel('Open object file').setInputFiles(compileC(rewritten, 'hello_world', objects));
      await expect.poll(() => page.getByTestId('opened-object').innerText()).toContain('hello_world.o');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await tab(page, 'Result').click();
      await expect.poll(() => page.getByTestId('firings-summary').innerText(), { timeout: 30_000 }).toMatch(/\d+ firings\s*· \d+ printed/); // prettier-ignore
      const rows = page.getByRole('table', { name: 'Firings' }).locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await rows.first().innerText()).toContain('kprobe:__x64_sys_socket');
      await page.screenshot({ path: join(shots, 'tracing-firings.png') });
      await tab(page, 'trace_pipe').click();
      await expect.poll(() => page.getByLabel('trace_pipe output').innerText()).toContain('Hello, World!');
      await page.screenshot({ path: join(shots, 'tracing-trace-pipe.png') });
      await tab(page, 'Inputs').click();
      await page.screenshot({ path: join(shots, 'tracing-inputs.png') });
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('renders the embed view and presenter mode', async () => {
    const state = { ...defaultShareState('// embedded program\nint x;\n') };
    const { context, page, errors } = await newPage({ saved: '// my own program\nint x;\n' });
    await page.goto(`${site.url}?embed&panels=trace,maps#${encodeShareFragment(state)}`);
    await editorReady(page);
    await expect.poll(() => editorText(page)).toContain('// embedded program');
    expect(await page.getByRole('toolbar', { name: 'Build options and actions' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Open in playground/ }).getAttribute('href')).toContain('#s=2.');
    expect(await page.getByRole('tab').allInnerTexts()).toEqual([expect.stringMatching(/trace_pipe/), expect.stringMatching(/Maps/)]); // prettier-ignore
    // An embed never touches the visitor's saved work.
    expect(await page.evaluate((k) => localStorage.getItem(k), SOURCE_KEY)).toContain('my own program');
    await page.screenshot({ path: join(shots, 'embed.png') });
    await context.close();

    const p2 = await newPage();
    await p2.page.goto(`${site.url}?present`);
    await editorReady(p2.page);
    await expect.poll(() => p2.page.getByRole('button', { name: /Run F5/ }).count()).toBe(1);
    expect(await p2.page.getByRole('toolbar', { name: 'Build options and actions' }).count()).toBe(0);
    await expect.poll(() => p2.page.getByRole('tab', { name: /trace_pipe/ }).count()).toBe(1);
    await expect.poll(() => p2.page.getByRole('tab', { name: /Maps/ }).count()).toBe(1);
    // Monaco re-renders its lines when presenter mode enlarges the font, so read the size until a
    // rendered line answers (a line detached mid-render has no computed size).
    const fontSize = () => p2.page.locator('.monaco-editor .view-line').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize) || 0); // prettier-ignore
    await expect.poll(fontSize, { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
    await p2.page.screenshot({ path: join(shots, 'presenter-1280x720.png') });
    await p2.page.keyboard.press('Escape');
    await expect.poll(() => p2.page.getByRole('toolbar', { name: 'Build options and actions' }).count()).toBe(1);
    expect([...errors, ...p2.errors]).toEqual([]);
    await p2.context.close();
  });

  it('works offline after the first visit (service worker)', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(site.url);
    await editorReady(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller === null) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
    });
    // The first visit's download of clang.wasm is kept (by the service worker or the compiler).
    const clangCached = () =>
      page.evaluate(async () => {
        let n = 0;
        for (const name of await caches.keys())
          n += (await (await caches.open(name)).keys()).filter((r) => r.url.includes('/clang/clang.wasm')).length;
        return n;
      });
    await expect.poll(clangCached, { timeout: 90_000 }).toBeGreaterThan(0);
    await context.setOffline(true);
    await page.reload();
    await editorReady(page);
    await expect.poll(() => editorText(page)).toContain('SEC("xdp")');
    // Offline, the page still compiles (clang.wasm from the cache) and runs the program by itself.
    await expect.poll(() => tab(page, 'Result').innerText(), { timeout: 90_000 }).toMatch(/XDP_PASS/);
    // Lazy parts (examples, lessons) work offline too.
    await page.getByRole('button', { name: 'Examples' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Examples' }).locator('li').count()).toBeGreaterThan(5);
    await page.waitForTimeout(500); // the dialog's opening transition, for a readable screenshot
    await page.screenshot({ path: join(shots, 'offline-reload.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
