/**
 * End to end: builds the site, serves it with `vite preview` on a free localhost port, and drives
 * it in headless Debian Chromium (playwright-core, no browser downloads). Screenshots go to
 * tests/artifacts/e2e/ — look at them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_KEY } from '../../src/ui/persistence';
import { CHROMIUM, haveChromium, haveClang, root, shots, startSite, type Site } from './harness';

const haveClangWasm = ['br', 'gz'].some((ext) => existsSync(join(root, `public/clang/clang.wasm.${ext}`)));

if (!haveChromium) {
  console.warn(`\n*** e2e SKIPPED: ${CHROMIUM} is missing (apt-get install chromium) ***\n`);
}
if (haveChromium && !haveClang) {
  console.warn('\n*** e2e object scenarios SKIPPED: clang-19 is missing (apt-get install clang-19) ***\n');
}

/** Until clang.wasm lands, objects come from native clang-19, opened through the page's file input. */
function compileFixture(name: string, dir: string): string {
  const out = join(dir, `${name}.o`);
  execFileSync('clang-19', [
    ...['-O2', '-g', '-target', 'bpf', '-mcpu=v3', '-I', join(root, 'src/compiler/headers/include')],
    ...['-c', join(root, 'tests/e2e/fixtures', `${name}.c`), '-o', out],
  ]);
  return out;
}

describe.skipIf(!haveChromium)('playground in headless Chromium', () => {
  let site: Site;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    site = await startSite();
    browser = site.browser;
    url = site.url;
  }, 300_000);

  afterAll(async () => {
    await site?.close();
  });

  async function open(page: Page): Promise<void> {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
  }

  // Monaco renders spaces as non-breaking spaces.
  const firstLine = async (page: Page) =>
    (await page.locator('.monaco-editor .view-line').first().innerText()).replace(/\u00a0/g, ' ');

  it('shows the example, keeps typed text across a reload, and toggles panels', { timeout: 120_000 }, async () => {
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

    // Ctrl+Enter runs: with clang.wasm in this build the run's trace_pipe lines appear; without it
    // the page explains that running needs the compiler. Ctrl+S is harmless.
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(
        async () =>
          (await page.locator('.toast').allInnerTexts()).some((t) => /Run|compile/i.test(t)) ||
          (await page.getByRole('tab', { name: /^trace_pipe/ }).innerText()).match(/\d/) !== null,
        { timeout: 60_000 },
      )
      .toBe(true);
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

  it.skipIf(!haveClang)(
    'opens an object, disassembles it, runs a packet, shows trace, maps, result, and steps registers',
    async () => {
      const objects = mkdtempSync(join(tmpdir(), 'ebpf-playground-objects-'));
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
      const page = await context.newPage();
      await open(page);
      const tab = (name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });

      await page.getByLabel('Open object file').setInputFiles(compileFixture('ttl_count', objects));
      await expect.poll(() => page.getByTestId('opened-object').innerText()).toContain('ttl_count.o');
      await expect
        .poll(() => page.getByRole('combobox', { name: 'Program section' }).innerText())
        .toContain('ttl_count · xdp');

      // Disassembly: llvm-objdump syntax, C lines interleaved, maps and helpers named, jumps as links.
      await tab('Disassembly').click();
      const listing = page.getByRole('list', { name: 'Disassembly of ttl_count' });
      await expect.poll(() => listing.innerText()).toContain('<ttl_count>:');
      const text = await listing.innerText();
      expect(text).toContain('; map proto_seen');
      expect(text).toContain('bpf_map_update_elem');
      expect(text).toMatch(/ip->ttl--/);
      expect(text).toMatch(/if r\d .* goto [+-]0x/);
      // A jump link selects its target; a C line lights up its instructions.
      await listing
        .getByRole('button', { name: /^Go to instruction/ })
        .first()
        .click();
      await expect.poll(() => listing.locator('.disasm-line.selected').count()).toBe(1);
      await listing.getByRole('button', { name: /ip->ttl--/ }).click();
      await expect.poll(() => listing.locator('.disasm-line.lit').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(shots, 'object-disassembly.png') });

      // The verifier accepts it.
      await tab('Verifier').click();
      await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Accepted by the verifier');
      await page.screenshot({ path: join(shots, 'object-verifier-accepted.png') });

      // Run: verdict in words, packet out with the TTL byte changed.
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await tab('Result').click();
      await expect.poll(() => page.getByTestId('verdict').first().innerText()).toBe('XDP_PASS');
      await expect.poll(() => page.getByLabel('Run of packet 1').innerText()).toMatch(/1 byte changed/i);
      await page.screenshot({ path: join(shots, 'object-result.png') });

      // trace_pipe: the kernel's line format.
      await tab('trace_pipe').click();
      await expect
        .poll(() => page.getByRole('log', { name: 'trace_pipe output' }).innerText())
        .toMatch(/bpftool-1000 +\[000\] b\.\.11 +\d+\.\d{6}: bpf_trace_printk: proto 6 ttl 64 len 54/);
      await page.screenshot({ path: join(shots, 'object-trace.png') });

      // Maps: BTF-typed rows, per-CPU values, and a user-space edit.
      await tab('Maps').click();
      const seen = page.getByRole('region', { name: 'Map proto_seen' });
      await expect.poll(() => seen.locator('tbody').innerText()).toMatch(/^6\s+1$/m);
      await expect.poll(() => page.getByRole('region', { name: 'Map last_len' }).innerText()).toMatch(/cpu0\s+54/);
      await page.getByRole('button', { name: 'Add an entry to proto_seen' }).click();
      await page.getByRole('textbox', { name: 'Key' }).fill('17');
      await page.getByRole('textbox', { name: 'Value' }).fill('5');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expect.poll(() => seen.locator('tbody').innerText()).toMatch(/^17\s+5$/m);
      await page.screenshot({ path: join(shots, 'object-maps.png') });
      await page.getByRole('button', { name: 'Delete proto_seen entry 17' }).click();
      await expect.poll(() => seen.locator('tbody').innerText()).not.toMatch(/^17/m);

      // Step: registers change, pointers shown as region+offset, step back returns.
      await tab('Registers').click();
      await page.getByRole('button', { name: 'Step forward' }).click();
      const regs = page.getByRole('table', { name: 'Registers' });
      await expect.poll(() => regs.innerText()).toMatch(/r10\s+0x[0-9a-f]+\s+fp\+0/);
      await expect.poll(() => page.locator('.step-info').innerText()).toContain('step 0');
      for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
      await expect.poll(() => page.locator('.step-info').innerText()).toContain('step 3');
      await expect.poll(() => regs.locator('tr.changed').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(shots, 'object-registers.png') });
      await page.getByRole('button', { name: 'Step back' }).click();
      await expect.poll(() => page.locator('.step-info').innerText()).toContain('step 2');
      await page.getByRole('button', { name: 'Run to end' }).click();
      await expect.poll(() => page.locator('.step-info').innerText()).toMatch(/exited, r0 = 2/);

      // A rejected object: the verdict, the failing instruction and C line, the explanation.
      await page.getByLabel('Open object file').setInputFiles(compileFixture('unchecked', objects));
      await tab('Verifier').click();
      await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Rejected by the verifier');
      await expect.poll(() => page.locator('.verifier-error').innerText()).toContain('unchecked.c:12');
      await page.screenshot({ path: join(shots, 'object-verifier-rejected.png') });
      await context.close();
      rmSync(objects, { recursive: true, force: true });
    },
    120_000,
  );

  it.skipIf(!haveClangWasm)(
    'breakpoints from the editor margin, live trace and maps while stepping, every call frame, the JIT',
    async () => {
      const source = readFileSync(join(root, 'tests/e2e/fixtures/call_frames.c'), 'utf8');
      const lineOf = (text: string, from = source) => from.split('\n').findIndex((l) => l.includes(text)) + 1;
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
      // The program is the visitor's saved one, so the page opens with it, compiles it and runs it once.
      await context.addInitScript(
        ([key, text]) => {
          if (localStorage.getItem(key) === null)
            localStorage.setItem(key, JSON.stringify({ source: text, savedAt: 1 }));
        },
        [SOURCE_KEY, source] as const,
      );
      const page = await context.newPage();
      await open(page);
      const tab = (name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });

      // A plain run uses the JIT and says so.
      await tab('Result').click();
      await expect.poll(() => page.getByTestId('verdict').first().innerText(), { timeout: 120_000 }).toBe('XDP_PASS');
      expect(await page.getByTestId('run-engine').innerText()).toMatch(/Ran on the JIT/);
      await page.screenshot({ path: join(shots, 'result-engine.png') });

      // Click the glyph margin beside `bpf_printk("total ...")`: a breakpoint on that C line.
      // Measure only once the editor has stopped moving: under load, layout and scrolling after
      // Ctrl+End can still be settling, and a click measured mid-way lands on another line.
      const glyphAt = async (text: string) => {
        const where = async () => {
          const row = await page.locator('.monaco-editor .view-line', { hasText: text }).first().boundingBox();
          const margin = await page.locator('.monaco-editor .glyph-margin').first().boundingBox();
          return { x: margin!.x + 8, y: row!.y + row!.height / 2 };
        };
        let at = await where();
        for (let i = 0; i < 30; i++) {
          await page.waitForTimeout(150);
          const again = await where();
          if (again.x === at.x && again.y === at.y) break;
          at = again;
        }
        await page.mouse.click(at.x, at.y);
      };
      const totalLine = lineOf('bpf_printk("total');
      // The end of the program in view (the editor shows about 25 lines at this size).
      await page.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Control+End');
      await glyphAt('bpf_printk("total');
      await expect.poll(() => page.locator('.monaco-editor .bp-glyph').count()).toBe(1);
      await tab('Registers').click();
      await expect
        .poll(() => page.getByTestId('breakpoint-summary').innerText())
        .toBe(`Breakpoints: line ${totalLine}`);

      // Continue stops at the first instruction of that line; the run's first line is already in
      // trace_pipe (printed in bump(0)), the second not yet; the map shows bump(0)'s addition only.
      const traceLines = () => page.getByRole('log', { name: 'trace_pipe output' }).innerText();
      await tab('trace_pipe').click();
      const before = (await traceLines()).split('\n').filter((l) => l.includes('bpf_trace_printk')).length;
      await tab('Registers').click();
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await expect.poll(() => page.locator('.step-info').innerText()).toContain(`line ${totalLine}`);
      await tab('trace_pipe').click();
      await expect.poll(async () => (await traceLines()).split('\n').filter((l) => l.includes('bpf_trace_printk')).length).toBe(before + 1); // prettier-ignore
      expect((await traceLines()).trim().split('\n').pop()).toMatch(/note 120$/);
      await tab('Maps').click();
      const hits = page.getByRole('region', { name: 'Map hits' });
      await expect.poll(() => hits.locator('tbody').innerText()).toMatch(/^0\s+240$/m);
      expect(await hits.locator('tbody').innerText()).toMatch(/^1\s+123$/m);
      expect(await page.locator('.maps-panel').innerText()).toMatch(/As they are at step \d+ of the stepped run/);
      await page.screenshot({ path: join(shots, 'stepping-maps-at-breakpoint.png') });

      // A breakpoint inside note() (set from the Disassembly's C line gutter): three frames deep.
      await tab('Disassembly').click();
      await page
        .getByRole('button', { name: `Toggle breakpoint at C line ${lineOf('bpf_printk("note')}` })
        .first()
        .click();
      await expect.poll(() => page.locator('.monaco-editor .bp-glyph').count()).toBe(2);
      await page.screenshot({ path: join(shots, 'stepping-disassembly-breakpoints.png') });
      await tab('Registers').click();
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      const stack = page.getByRole('region', { name: 'Call stack' });
      await expect.poll(() => stack.innerText()).toMatch(/call stack · 3 frames/i);
      const frames = await stack.locator('summary').allInnerTexts();
      expect(frames.map((f) => f.replace(/\s+/g, ' '))).toEqual([
        expect.stringMatching(/^#2 note at \d+ · returns to \d+/),
        expect.stringMatching(/^#1 bump called at \d+ · returns to \d+/),
        expect.stringMatching(/^#0 call_frames called at \d+ · entry program/),
      ]);
      await expect.poll(() => page.getByRole('table', { name: 'Frame 2 (note): r6–r10' }).innerText()).toMatch(/r10\s+0x[0-9a-f]+\s+fp\[frame 2\]\+0/); // prettier-ignore
      await stack.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'stepping-call-stack.png') });

      // Breakpoints follow edits: a line typed above moves them down; a reload keeps them.
      await page.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('// moved\n');
      await tab('Registers').click();
      await expect.poll(() => page.getByTestId('breakpoint-summary').innerText()).toBe(`Breakpoints: lines ${lineOf('bpf_printk("note') + 1}, ${totalLine + 1}`); // prettier-ignore
      await page.reload();
      await page.locator('.monaco-editor .view-lines').waitFor();
      await tab('Registers').click();
      await expect.poll(() => page.getByTestId('breakpoint-summary').innerText()).toBe(`Breakpoints: lines ${lineOf('bpf_printk("note') + 1}, ${totalLine + 1}`); // prettier-ignore
      // Monaco renders the lines in view only: bring both into view.
      await page.locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Control+End');
      await expect.poll(() => page.locator('.monaco-editor .bp-glyph').count()).toBe(2);
      await page.screenshot({ path: join(shots, 'breakpoints-after-reload.png') });
      // F9 toggles a breakpoint on the cursor's line (the keyboard way to the margin).
      const lines = source.split('\n').length + 1;
      await page.keyboard.press('F9');
      await expect.poll(() => page.getByTestId('breakpoint-summary').innerText()).toMatch(new RegExp(`, ${lines}$`));
      await page.keyboard.press('F9');
      await expect
        .poll(() => page.getByTestId('breakpoint-summary').innerText())
        .not.toMatch(new RegExp(`, ${lines}$`));
      await context.close();
    },
    240_000,
  );

  it('a reload right after opening a lesson step keeps the step open', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
    const page = await context.newPage();
    await open(page);
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: 'Start' }).click();
    // At once, inside the address bar's debounce: the page writes the address as it goes away.
    await page.reload();
    const pane = page.getByRole('complementary', { name: 'Lesson' });
    await page.locator('.monaco-editor .view-lines').waitFor();
    await expect.poll(() => pane.innerText()).toContain('Hello, XDP');
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
