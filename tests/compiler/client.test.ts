// The compiler's worker plumbing in Node: the main-thread client (src/compiler/client.ts) against an
// in-process worker, and the worker's service (src/compiler/service.ts) running the WASI probe
// program in place of clang.wasm.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompileOptions, CompileResult, CompilerMethods, CompilerStatus } from '../../src/protocol';
import { COMPILER_STATUS_EVENT } from '../../src/protocol';
import { type Handlers, dispatch, postEvent } from '../../src/runtime/dispatcher';
import type { WorkerLike } from '../../src/runtime/worker-client';
import { COMPILE_TIMEOUT_MS, createClangClient } from '../../src/compiler/client';
import { createCompilerClient } from '../../src/runtime/compiler-client';
import { prepareSystemHeaders } from '../../src/compiler/compile';
import { createClangLoader } from '../../src/compiler/load';
import { rawWasmSource } from '../../src/compiler/node';
import { SUPERSEDED, createCompilerService, progressStatus } from '../../src/compiler/service';
import { CAN_BUILD_PROBE, PROBE_MISSING, probeWasm } from './probe';
import { scratch, skipLoudly } from './toolchain';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OPTIONS: CompileOptions = { optLevel: 2, cpu: 'v3', debugInfo: true, defines: [] };
const RESULT: CompileResult = { object: new Uint8Array([1, 2, 3]), diagnostics: [], crash: null, durationMs: 1 };

/** A worker whose messages go straight to `handlers` (asynchronously, as with postMessage). */
function inProcess(make: (port: { postMessage(m: unknown): void }) => Handlers<CompilerMethods>) {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  let terminated = false;
  const port = {
    postMessage: (m: unknown) => queueMicrotask(() => !terminated && listeners.forEach((l) => l({ data: m }))),
  };
  const handlers = make(port);
  const worker: WorkerLike & { readonly terminated: boolean } = {
    postMessage: (m: unknown) => queueMicrotask(() => void dispatch(handlers, port, m)),
    terminate: () => {
      terminated = true;
    },
    addEventListener: (type: string, l: (e: { data: unknown }) => void) => {
      if (type === 'message') listeners.push(l);
    },
    get terminated() {
      return terminated;
    },
  } as WorkerLike & { readonly terminated: boolean };
  return worker;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createClangClient', () => {
  it('hands the headers beside the source (a seed’s network.h) to the worker', async () => {
    const requests: CompilerMethods['compile']['request'][] = [];
    const client = createClangClient(() =>
      inProcess(() => ({
        status: () => ({ state: 'ready', version: 'clang 19' }),
        compile: (request) => {
          requests.push(request);
          return RESULT;
        },
      })),
    );
    await client.compile('#include "network.h"', OPTIONS, { 'network.h': '#define X 1\n' });
    await client.compile('int x;', OPTIONS);
    expect(requests.map((r) => r.files)).toEqual([{ 'network.h': '#define X 1\n' }, undefined]);
  });

  it('waits for clang.wasm without a timeout, forwards progress, then compiles', async () => {
    const ready = deferred<CompilerStatus>();
    const seen: CompilerStatus[] = [];
    let compiles = 0;
    const client = createClangClient(() =>
      inProcess((port) => ({
        status: () => {
          postEvent(port, COMPILER_STATUS_EVENT, { state: 'loading', loadedBytes: 5, totalBytes: 10 });
          return ready.promise;
        },
        compile: () => {
          compiles++;
          return RESULT;
        },
      })),
    );
    client.onStatus((s) => seen.push(s));
    const reply = client.compile('int x;', OPTIONS);
    await tick();
    expect(compiles).toBe(0);
    ready.resolve({ state: 'ready', version: 'clang 19' });
    expect(await reply).toEqual({ status: 'ok', value: RESULT });
    expect(seen).toEqual([
      { state: 'loading', loadedBytes: 5, totalBytes: 10 },
      { state: 'ready', version: 'clang 19' },
    ]);
  });

  it('never sends a compile superseded while clang.wasm was loading', async () => {
    const ready = deferred<CompilerStatus>();
    const sources: string[] = [];
    const client = createClangClient(() =>
      inProcess(() => ({
        status: () => ready.promise,
        compile: ({ source }) => {
          sources.push(source);
          return RESULT;
        },
      })),
    );
    const a = client.compile('a', OPTIONS);
    const b = client.compile('b', OPTIONS);
    const c = client.compile('c', OPTIONS);
    ready.resolve({ state: 'ready', version: 'v' });
    expect(await a).toEqual({ status: 'stale' });
    expect(await b).toEqual({ status: 'stale' });
    expect((await c).status).toBe('ok');
    expect(sources).toEqual(['c']);
  });

  it('answers a compile overtaken in flight as stale', async () => {
    const gates: ReturnType<typeof deferred<CompileResult>>[] = [];
    const client = createClangClient(() =>
      inProcess(() => ({
        status: () => ({ state: 'ready', version: 'v' }),
        compile: () => {
          const d = deferred<CompileResult>();
          gates.push(d);
          return d.promise;
        },
      })),
    );
    const a = client.compile('a', OPTIONS);
    await tick();
    const b = client.compile('b', OPTIONS);
    await tick();
    expect(gates).toHaveLength(2);
    gates[0]!.resolve(RESULT);
    gates[1]!.resolve(RESULT);
    expect(await a).toEqual({ status: 'stale' });
    expect(await b).toEqual({ status: 'ok', value: RESULT });
  });

  it('restarts a stuck worker after the timeout and waits for the new one to be ready', async () => {
    const timers: (() => void)[] = [];
    const workers: (WorkerLike & { readonly terminated: boolean })[] = [];
    let statusCalls = 0;
    const restarts: string[] = [];
    const client = createClangClient(
      () => {
        const w = inProcess(() => ({
          status: () => {
            statusCalls++;
            return { state: 'ready', version: 'v' };
          },
          compile: ({ source }) => (source === 'hang' ? new Promise<CompileResult>(() => undefined) : RESULT),
        }));
        workers.push(w);
        return w;
      },
      {
        timeoutMs: 1000,
        setTimer: (fn) => timers.push(fn),
        clearTimer: () => undefined,
        onRestart: (i) => restarts.push(i.reason),
      },
    );
    const stuck = client.compile('hang', OPTIONS);
    await tick();
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(await stuck).toEqual({ status: 'restarted', reason: 'compile ran longer than 1000 ms and was stopped' });
    expect(restarts).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(await client.compile('int x;', OPTIONS)).toEqual({ status: 'ok', value: RESULT });
    expect(workers).toHaveLength(2);
    expect(statusCalls).toBe(2);
  });

  it('reports an unavailable compiler as an error and asks again next time', async () => {
    let available = false;
    const client = createClangClient(() =>
      inProcess(() => ({
        status: () =>
          available
            ? { state: 'ready', version: 'v' }
            : { state: 'unavailable', reason: 'clang.wasm is not available: 404' },
        compile: () => RESULT,
      })),
    );
    expect(await client.compile('x', OPTIONS)).toEqual({
      status: 'error',
      message: 'clang.wasm is not available: 404',
    });
    available = true;
    expect((await client.compile('x', OPTIONS)).status).toBe('ok');
  });
});

describe("the page's compiler client (runtime/compiler-client.ts)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not count the clang.wasm download against the compile watchdog, but still times compiles', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ready = deferred<CompilerStatus>();
    const restarts: string[] = [];
    const client = createCompilerClient(
      () =>
        inProcess(() => ({
          status: () => ready.promise,
          // Like the real service: a compile first waits for clang.wasm.
          compile: async ({ source }) => {
            await ready.promise;
            return source === 'hang' ? new Promise<CompileResult>(() => undefined) : RESULT;
          },
        })),
      (i) => restarts.push(i.reason),
    );
    const first = client.compile('int x;', OPTIONS);
    // A slow link: clang.wasm takes ten compile timeouts to arrive.
    await vi.advanceTimersByTimeAsync(10 * COMPILE_TIMEOUT_MS);
    expect(restarts).toEqual([]);
    ready.resolve({ state: 'ready', version: 'clang 19' });
    expect(await first).toEqual({ status: 'ok', value: RESULT });

    const stuck = client.compile('hang', OPTIONS);
    await vi.advanceTimersByTimeAsync(COMPILE_TIMEOUT_MS + 1);
    expect(await stuck).toMatchObject({ status: 'restarted' });
    expect(restarts).toHaveLength(1);
  });
});

describe.skipIf(skipLoudly('compiler service tests', CAN_BUILD_PROBE, PROBE_MISSING))(
  'createCompilerService (probe module standing in for clang.wasm)',
  () => {
    const service = () => {
      const path = join(scratch(), 'service-probe.wasm');
      writeFileSync(path, probeWasm());
      const statuses: CompilerStatus[] = [];
      const loader = createClangLoader(rawWasmSource(path), { onProgress: (p) => statuses.push(progressStatus(p)) });
      const s = createCompilerService({
        load: () => loader.load(),
        headers: () => prepareSystemHeaders(new Map([['linux/bpf.h', '']]), new Map([['stdint.h', '']])),
        onStatus: (st) => statuses.push(st),
      });
      return { s, statuses };
    };

    it('loads once, reporting progress then ready', async () => {
      const { s, statuses } = service();
      expect(await s.handlers.status(null)).toMatchObject({ state: 'ready' });
      expect(await s.start()).toMatchObject({ state: 'ready' });
      expect(statuses[0]).toMatchObject({ state: 'loading', loadedBytes: 0 });
      expect(statuses.filter((x) => x.state === 'ready')).toHaveLength(2);
    });

    it('skips queued compiles that a newer one overtook and runs the newest', async () => {
      const { s } = service();
      const req = (source: string) => s.handlers.compile({ source, fileName: 'prog.c', options: OPTIONS });
      const results = await Promise.allSettled([req('a'), req('b'), req('c')]);
      expect(results.slice(0, 2).map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual([
        SUPERSEDED,
        SUPERSEDED,
      ]);
      // The probe is not clang: it rejects clang's argv with its usage text and status 2, which
      // comes back as a compile failure with the text, not as a crash or a hang.
      const last = results[2]!;
      expect(last.status).toBe('fulfilled');
      const value = (last as PromiseFulfilledResult<CompileResult>).value;
      expect(value.object).toBeNull();
      expect(value.crash).toBeNull();
      expect(value.diagnostics[0]).toMatchObject({
        severity: 'error',
        file: '',
        message: expect.stringMatching(/^clang exited with status 2:\nusage: probe/),
      });
    });

    it('rejects bad file names and options instead of passing them to clang', async () => {
      const { s } = service();
      await expect(s.handlers.compile({ source: '', fileName: '../x.c', options: OPTIONS })).rejects.toThrow(
        /bad file name/,
      );
      await expect(
        s.handlers.compile({ source: '', fileName: 'p.c', options: { ...OPTIONS, defines: ['X\n#include'] } }),
      ).rejects.toThrow(/bad -D value/);
    });
  },
);
