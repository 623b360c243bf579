import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CompileResult, Reply, RuntimeMethods } from '../protocol';
import { createCompilerClient, type CompilerClient } from '../runtime/compiler-client';
import { CORE } from '../runtime/core';
import { dispatch } from '../runtime/dispatcher';
import { createRuntimeClient } from '../runtime/runtime-client';
import { Session, runtimeHandlers } from '../runtime/session';
import type { WorkerLike } from '../runtime/worker-client';
import { createPipeline } from './pipeline';
import { createPlaygroundStore } from './store/store';

/** The real runtime session behind the real dispatcher, in process. */
function runtimeWorker(): WorkerLike {
  const handlers = runtimeHandlers(new Session(CORE));
  const listeners: ((e: { data: unknown }) => void)[] = [];
  return {
    postMessage: (m) =>
      void dispatch<RuntimeMethods>(handlers, { postMessage: (r) => listeners.forEach((l) => l({ data: r })) }, m),
    terminate: () => undefined,
    addEventListener: (type: string, l: (e: never) => void) => {
      if (type === 'message') listeners.push(l as (e: { data: unknown }) => void);
    },
  };
}

describe('pipeline', () => {
  it('reports the missing compiler honestly and explains why Run cannot run', async () => {
    const store = createPlaygroundStore();
    const pipeline = createPipeline(store, createCompilerClient(null), createRuntimeClient(runtimeWorker));
    await pipeline.compileNow();
    expect(store.getState().compile).toMatchObject({ phase: 'unavailable', result: null });
    expect(store.getState().compiler.state).toBe('unavailable');
    await pipeline.run();
    expect(store.getState().run).toBeNull();
    expect(store.getState().notices.map((n) => n.text)).toContain(
      'Run needs the compiler, which is not available yet.',
    );
    pipeline.dispose();
  });

  it('shows only the newest compile when edits overtake a slow compile', async () => {
    const store = createPlaygroundStore();
    const pending: ((r: Reply<CompileResult>) => void)[] = [];
    const compiler: CompilerClient = {
      status: () => Promise.resolve({ state: 'ready', version: '19.1.7' }),
      compile: () => new Promise((resolve) => pending.push(resolve)),
      onStatus: () => () => undefined,
      dispose: () => undefined,
    };
    const pipeline = createPipeline(store, compiler, createRuntimeClient(runtimeWorker), { debounceMs: 1 });
    await Promise.resolve();
    store.getState().setCompilerStatus({ state: 'ready', version: '19.1.7' });
    const first = pipeline.compileNow();
    store.getState().setSource('int v2;');
    const second = pipeline.compileNow();
    const result = (line: number): CompileResult => ({
      object: null,
      diagnostics: [{ source: 'clang', severity: 'error', message: 'x', file: 'prog.c', line, column: 1 }],
      crash: null,
      durationMs: 1,
    });
    pending[1]!({ status: 'ok', value: result(2) });
    await second;
    pending[0]!({ status: 'ok', value: result(1) }); // a late answer for the old text
    await first;
    expect(store.getState().compile.result?.diagnostics[0]?.line).toBe(2);
    expect(store.getState().compile.phase).toBe('failed');
    pipeline.dispose();
  });

  it('compiles edits made during a compile once, for the newest text only', async () => {
    const store = createPlaygroundStore();
    const asked: string[] = [];
    const pending: ((r: Reply<CompileResult>) => void)[] = [];
    const compiler: CompilerClient = {
      status: () => Promise.resolve({ state: 'ready', version: '19.1.7' }),
      compile: (source) => {
        asked.push(source);
        return new Promise((resolve) => pending.push(resolve));
      },
      onStatus: () => () => undefined,
      dispose: () => undefined,
    };
    const pipeline = createPipeline(store, compiler, createRuntimeClient(runtimeWorker), { debounceMs: 1 });
    store.getState().setCompilerStatus({ state: 'ready', version: '19.1.7' });
    const failed: CompileResult = { object: null, diagnostics: [], crash: null, durationMs: 1 };
    store.getState().setSource('int a;');
    await expect.poll(() => asked.length).toBe(1);
    for (const text of ['int ab;', 'int abc;', 'int abcd;']) {
      store.getState().setSource(text);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(asked).toEqual(['int a;']);
    pending[0]!({ status: 'ok', value: failed });
    await expect.poll(() => asked.length).toBe(2);
    expect(asked[1]).toBe('int abcd;');
    pending[1]!({ status: 'ok', value: failed });
    pipeline.dispose();
  });

  it.skipIf(!hasClang)('typing compiles, verifies and runs: the result follows the text', async () => {
    const object = clangObject('ttl_count');
    const store = createPlaygroundStore();
    const compiler: CompilerClient = {
      status: () => Promise.resolve({ state: 'ready', version: '19.1.7' }),
      compile: () => Promise.resolve({ status: 'ok', value: { object, diagnostics: [], crash: null, durationMs: 1 } }),
      onStatus: () => () => undefined,
      dispose: () => undefined,
    };
    const pipeline = createPipeline(store, compiler, createRuntimeClient(runtimeWorker), { debounceMs: 1 });
    store.getState().setCompilerStatus({ state: 'ready', version: '19.1.7' });
    store.getState().setSource('// typed\n' + store.getState().source);
    await expect.poll(() => store.getState().run?.status, { timeout: 5_000 }).toBe('ok');
    const run = store.getState().run;
    expect(run?.status === 'ok' && run.value.runs[0]?.verdict).toBe('XDP_PASS');
    expect(run?.status === 'ok' && run.value.engine.engine).toBe('jit');
    pipeline.dispose();
  });

  it.skipIf(!hasClang)('Run pressed during the first compile runs once, not twice', async () => {
    const object = clangObject('ttl_count');
    const store = createPlaygroundStore();
    let answer: (r: Reply<CompileResult>) => void = () => undefined;
    const compiler: CompilerClient = {
      status: () => Promise.resolve({ state: 'ready', version: '19.1.7' }),
      compile: () => new Promise((resolve) => (answer = resolve)),
      onStatus: () => () => undefined,
      dispose: () => undefined,
    };
    const runtime = createRuntimeClient(runtimeWorker);
    let runs = 0;
    // The client is a class: keep its prototype (dispose, events) and count the 'run' requests.
    const call = runtime.call.bind(runtime) as (m: string, ...r: unknown[]) => unknown;
    const counting = Object.assign(Object.create(runtime) as typeof runtime, {
      call: ((method: string, ...rest: unknown[]) => {
        if (method === 'run') runs++;
        return call(method, ...rest);
      }) as typeof runtime.call,
    });
    const pipeline = createPipeline(store, compiler, counting, { debounceMs: 1 });
    store.getState().setCompilerStatus({ state: 'ready', version: '19.1.7' });
    const first = pipeline.compileAndRun(); // what the page does on load
    const pressed = pipeline.run(); // the visitor presses Run before the compile is back
    answer({ status: 'ok', value: { object, diagnostics: [], crash: null, durationMs: 1 } });
    await Promise.all([first, pressed]);
    expect(store.getState().run?.status).toBe('ok');
    expect(runs).toBe(1);
    pipeline.dispose();
  });
});

const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;

/** A real object for the fake compiler to answer with (tests/e2e/fixtures, native clang-19). */
function clangObject(name: string): Uint8Array {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const out = join(mkdtempSync(join(tmpdir(), 'pipeline-')), `${name}.o`);
  execFileSync('clang-19', [
    ...['-O2', '-g', '-target', 'bpf', '-mcpu=v3', '-I', join(root, 'src/compiler/headers/include')],
    ...['-c', join(root, 'tests/e2e/fixtures', `${name}.c`), '-o', out],
  ]);
  return readFileSync(out);
}
