/**
 * What a run showed on the page, read from the DOM as a visitor sees it: per-packet verdicts, r0
 * and packet out (or, for a workload, the firing summary and table), trace_pipe and every map. Two
 * pages that show equal snapshots produced the same results.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface RunSnapshot {
  /** Packet runs: one text per run card. Workload runs: the summary line, then one text per firing row. */
  readonly results: string[];
  readonly trace: string;
  /** One text per map card (name, type, sizes, entries). */
  readonly maps: string[];
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
const text = (s: string) => s.replace(/\u00a0/g, ' ').trim();

/**
 * Opens the Maps panel and makes its tables live: "Show contents" before a first run, unless the
 * page's own refresh after loading the program (and its pre-seeds) gets there first.
 */
export async function showMaps(page: Page): Promise<void> {
  await tab(page, 'Maps').click();
  const live = page.getByText('Live: after the last run, step or edit.');
  const show = page.getByRole('button', { name: 'Show contents' });
  await expect
    .poll(
      async () => {
        if ((await live.count()) > 0) return true;
        if ((await show.count()) > 0) await show.click({ timeout: 1000 }).catch(() => undefined);
        return false;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

/** Adds or overwrites one map entry through the Maps panel's editor (decimal or hex, as typed). */
export async function addMapEntry(page: Page, map: string, key: string, value: string): Promise<void> {
  await showMaps(page);
  await page.getByRole('button', { name: `Add an entry to ${map}` }).click();
  const form = page.getByRole('form', { name: `Add entry in ${map}` });
  await form.getByRole('textbox', { name: 'Key' }).fill(key);
  await form.getByRole('textbox', { name: 'Value' }).fill(value);
  await form.getByRole('button', { name: 'Add' }).click();
  await expect.poll(() => form.count()).toBe(0);
}

/**
 * trace_pipe's timestamp column is the page's clock (as the kernel's is the machine's uptime), so
 * two pages never agree on it; everything else on the line must be equal.
 */
const withoutTimestamps = (trace: string) => trace.replace(/ +\d+\.\d{6}: /g, ' <time>: ');

/**
 * Waits for a run to finish and reads what it showed. `press`: press Run first; without it, the
 * run is the one a page makes by itself when it opens a packet program the verifier accepts.
 */
export async function runAndRead(page: Page, { press = true } = {}): Promise<RunSnapshot> {
  if (press) {
    // trace_pipe keeps the lines of earlier runs (as the kernel's does): start from an empty one.
    await tab(page, 'trace_pipe').click();
    const clear = page.getByRole('toolbar', { name: 'trace_pipe' }).getByRole('button', { name: 'Clear' });
    if (await clear.isEnabled()) await clear.click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
  }
  await tab(page, 'Result').click();
  const summary = page.getByTestId('firings-summary');
  const cards = page.locator('section.run-card');
  await expect
    .poll(
      async () => {
        if ((await summary.count()) > 0) return /playing the workload/.test(await summary.innerText()) ? 0 : 1;
        return cards.count();
      },
      { timeout: 90_000 },
    )
    .toBeGreaterThan(0);
  const results =
    (await summary.count()) > 0
      ? [
          text(await summary.innerText()),
          ...(await page.getByRole('table', { name: 'Firings' }).locator('tbody tr').allInnerTexts()).map(text),
        ]
      : (await cards.allInnerTexts()).map(text);
  await tab(page, 'trace_pipe').click();
  // The line count, and the lines on screen (the list is virtualised: a long trace shows its start).
  const output = page.getByLabel('trace_pipe output');
  const count = text(await page.locator('.trace-count').innerText());
  const trace = `${count}\n${(await output.count()) > 0 ? withoutTimestamps(text(await output.innerText())) : ''}`;
  await tab(page, 'Maps').click();
  const maps = (await page.locator('.maps-panel section.map-card').allInnerTexts()).map(text);
  return { results, trace, maps };
}

/** The link the Share dialog offers for the page as it is now. */
export async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this program' });
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  return link;
}
