/**
 * One visit of the browser compile benchmark: in the page, start the compiler worker, time its
 * `status` call until clang.wasm is ready, then the first compile, then `warmRounds` more compiles
 * (each of a slightly different text, as typing produces). Times are taken in the page, so they
 * include the postMessage round trips the UI pays.
 */
import type { Page } from 'playwright-core';

export interface VisitTimes {
  readonly readyMs: number;
  readonly firstCompileMs: number;
  /** Whether clang.wasm.br was already in the Cache API when the worker started. */
  readonly fromCache: boolean;
}

export interface VisitResult {
  readonly times: VisitTimes;
  readonly warmMs: number;
  readonly warmWorkerMs: number;
}

export interface VisitInput {
  readonly source: string;
  readonly fileName: string;
  readonly files: Record<string, string>;
  readonly warmRounds: number;
}

interface PageTimes {
  fromCache: boolean;
  readyMs: number;
  compiles: { ms: number; workerMs: number }[];
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Runs in the page: must not close over anything. */
async function visitInPage(input: VisitInput): Promise<PageTimes> {
  type Reply = { type: string; seq: number; ok: boolean; result?: unknown; error?: string };
  const fromCache = (await (await caches.open('ebpf-playground-clang')).keys()).length > 0;
  const worker = new Worker('/compiler.worker.js', { type: 'module' });
  const pending = new Map<number, (r: Reply) => void>();
  worker.onmessage = (e: MessageEvent<Reply>) => {
    if (e.data.type === 'response') pending.get(e.data.seq)?.(e.data);
  };
  let seq = 0;
  const call = async (method: string, params: unknown): Promise<unknown> => {
    const reply = await new Promise<Reply>((resolve) => {
      pending.set(++seq, resolve);
      worker.postMessage({ type: 'request', seq, method, params });
    });
    if (!reply.ok) throw new Error(`${method}: ${reply.error}`);
    return reply.result;
  };
  try {
    const t0 = performance.now();
    const status = (await call('status', null)) as { state: string; reason?: string };
    if (status.state !== 'ready') throw new Error(`compiler not ready: ${JSON.stringify(status)}`);
    const readyMs = performance.now() - t0;
    const compiles: PageTimes['compiles'] = [];
    for (let i = 0; i <= input.warmRounds; i++) {
      const options = { optLevel: 2, cpu: 'v3', debugInfo: true, defines: [] };
      const source = `${input.source}\n// edit ${i}\n`;
      const t = performance.now();
      const r = (await call('compile', { source, fileName: input.fileName, files: input.files, options })) as {
        object: unknown;
        durationMs: number;
        diagnostics: { message: string }[];
      };
      if (r.object === null) throw new Error(`no object: ${r.diagnostics.map((d) => d.message).join('; ')}`);
      compiles.push({ ms: performance.now() - t, workerMs: r.durationMs });
    }
    return { fromCache, readyMs, compiles };
  } finally {
    worker.terminate();
  }
}

export async function driveVisit(page: Page, input: VisitInput): Promise<VisitResult> {
  // Run through tsx, esbuild wraps named inner functions in __name(...) calls for keepNames; the
  // page has no such helper.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  const r = await page.evaluate(visitInPage, input);
  const warm = r.compiles.slice(1);
  return {
    times: { readyMs: r.readyMs, firstCompileMs: r.compiles[0]!.ms, fromCache: r.fromCache },
    warmMs: median(warm.map((c) => c.ms)),
    warmWorkerMs: median(warm.map((c) => c.workerMs)),
  };
}
