import { describe, expect, it } from 'vitest';
import type { MethodMap, RuntimeMethods, StepState, VerifierReport } from '../protocol';
import { CORE, type RuntimeCore } from './core';
import { dispatch, type Handlers } from './dispatcher';
import { Session, runtimeHandlers } from './session';
import { WorkerClient, type WorkerLike } from './worker-client';

/** An in-process worker running the real dispatcher; replies are delayed until release(). */
function inProcessWorker<M extends MethodMap>(handlers: Handlers<M>) {
  const listeners: ((e: { data: unknown }) => void)[] = [];
  const queue: (() => void)[] = [];
  let terminated = false;
  const worker: WorkerLike & { terminated: () => boolean } = {
    postMessage(message) {
      const port = {
        postMessage: (reply: unknown) => queue.push(() => !terminated && listeners.forEach((l) => l({ data: reply }))),
      };
      void dispatch(handlers, port, structuredClone(message));
    },
    terminate: () => {
      terminated = true;
    },
    addEventListener(type: string, l: (e: never) => void) {
      if (type === 'message') listeners.push(l as (e: { data: unknown }) => void);
    },
    terminated: () => terminated,
  };
  const release = async () => {
    await new Promise((r) => setTimeout(r, 0));
    while (queue.length > 0) queue.shift()!();
  };
  return { worker, release };
}

type Echo = { echo: { request: string; response: string }; hang: { request: null; response: null } };

describe('WorkerClient', () => {
  it('answers typed calls and drops superseded replies on a channel', async () => {
    const { worker, release } = inProcessWorker<Echo>({ echo: (s) => s.toUpperCase(), hang: () => null });
    const client = new WorkerClient<Echo>({ name: 'echo', create: () => worker, timeoutMs: {} });
    const first = client.call('echo', 'a', { channel: 'c' });
    const second = client.call('echo', 'b', { channel: 'c' });
    const other = client.call('echo', 'c');
    await release();
    expect(await first).toEqual({ status: 'stale' });
    expect(await second).toEqual({ status: 'ok', value: 'B' });
    expect(await other).toEqual({ status: 'ok', value: 'C' });
  });

  it('restarts a runaway worker, says so, and works again afterwards', async () => {
    const workers: ReturnType<typeof inProcessWorker<Echo>>[] = [];
    let fire: (() => void) | null = null;
    const restarts: string[] = [];
    const client = new WorkerClient<Echo>({
      name: 'echo',
      create: () => {
        const w = inProcessWorker<Echo>({ echo: (s) => s, hang: () => new Promise<null>(() => undefined) });
        workers.push(w);
        return w.worker;
      },
      timeoutMs: { hang: 50 },
      onRestart: (i) => restarts.push(i.reason),
      setTimer: (fn) => {
        fire = fn;
        return 1;
      },
      clearTimer: () => undefined,
    });
    const hung = client.call('hang', null);
    expect(fire).not.toBeNull();
    fire!();
    expect(await hung).toEqual({ status: 'restarted', reason: 'hang ran longer than 50 ms and was stopped' });
    expect(restarts).toHaveLength(1);
    expect(workers[0]!.worker.terminated()).toBe(true);
    const again = client.call('echo', 'ok');
    await workers[1]!.release();
    expect(await again).toEqual({ status: 'ok', value: 'ok' });
    expect(client.restartCount).toBe(1);
  });

  it('reports handler errors as error replies', async () => {
    const { worker, release } = inProcessWorker<Echo>({
      echo: () => {
        throw new Error('boom');
      },
      hang: () => null,
    });
    const client = new WorkerClient<Echo>({ name: 'echo', create: () => worker, timeoutMs: {} });
    const r = client.call('echo', 'x');
    await release();
    expect(await r).toEqual({ status: 'error', message: 'boom' });
  });
});

describe('runtime session', () => {
  it('says plainly which stages are missing in this build', () => {
    const s = new Session(CORE);
    const caps = s.capabilities();
    for (const stage of Object.values(caps.stages)) if (!stage.available) expect(stage.reason).toMatch(/not landed/);
    const none = new Session({ ...CORE, loader: null });
    expect(none.load({ object: new Uint8Array(4), program: null, privileged: true })).toMatchObject({
      status: 'unavailable',
      stage: 'loader',
    });
  });

  it("answers a broken object with the loader's message, not a crash", () => {
    const s = new Session(CORE);
    const r = s.load({ object: new Uint8Array(4), program: null, privileged: true, fileName: 'junk.o' });
    expect(r.status).toBe('error');
  });

  // A core double that records calls: checks the session's wiring, not any result the UI shows.
  const report = (accepted: boolean): VerifierReport => ({
    accepted,
    error: accepted ? null : { insn: 3, line: 'prog.c:9', message: 'invalid access to packet' },
    log: '',
    stats: { processed: 4, states: 0 },
    explanation: null,
    path: [],
    diagnostics: [],
  });
  const state = (step: number, pc: number): StepState => ({
    step,
    totalSteps: 3,
    pc,
    registers: [],
    changed: [],
    stack: new Uint8Array(0),
    frames: [],
    sourceLine: null,
    retval: null,
    trace: [],
    maps: null,
  });
  const double = (accepted: boolean): RuntimeCore<string> => ({
    loader: {
      load: () => ({
        programs: [{ name: 'count', section: 'xdp', kind: 'xdp', insnCount: 4 }],
        maps: [],
        handle: 'h',
      }),
    },
    disassemble: null,
    verify: () => report(accepted),
    run: () => ({ runs: [], maps: [], engine: { engine: 'interpreter', fallback: null } }),
    record: (_h, _p, _priv, packet) => ({
      states: [state(0, 0), state(1, 1), state(2, 3)],
      run: {
        retval: 2n,
        verdict: 'XDP_PASS',
        packetIn: packet,
        packetOut: packet,
        trace: [],
        events: [],
        instructions: 3,
        error: null,
      },
    }),
    maps: () => [],
    editMap: () => [],
    attach: null,
    check: null,
  });

  it('loads, selects a program by section, and refuses to run a rejected program', async () => {
    const h = runtimeHandlers(new Session(double(false)));
    const loaded = await h.load({ object: new Uint8Array(0), program: 'xdp', privileged: true });
    expect(loaded).toMatchObject({ status: 'ok', value: { program: 'count', disassembly: { status: 'unavailable' } } });
    expect(await h.run({ packets: [], seed: 1 })).toMatchObject({ status: 'error', message: /rejected/ });
    expect(await h.load({ object: new Uint8Array(0), program: 'tc', privileged: true })).toMatchObject({
      status: 'error',
      message: /No program "tc"/,
    });
  });

  it('steps forward, back and to breakpoints over a recorded run', async () => {
    const h: Handlers<RuntimeMethods> = runtimeHandlers(new Session(double(true)));
    await h.load({ object: new Uint8Array(0), program: null, privileged: true });
    expect(await h.stepStart({ packets: [new Uint8Array(60)], seed: 1 })).toMatchObject({ value: { step: 0 } });
    expect(await h.stepTo({ untilBreakpoint: [3] })).toMatchObject({ value: { step: 2, pc: 3 } });
    expect(await h.stepTo({ step: 1 })).toMatchObject({ value: { step: 1, pc: 1 } });
    expect(await h.stepTo({ step: 99 })).toMatchObject({ value: { step: 2 } });
  });
});
