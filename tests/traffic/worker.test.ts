/**
 * Traffic runs through the runtime worker's handlers (the real core, clang-19 builds the fixture):
 * progress events while it runs, a cancel that stops it between packets with the maps as they
 * were at the stop, a reload that stops it, and refusals.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMix } from '../../src/bpf/traffic';
import {
  TRAFFIC_PROGRESS_EVENT,
  type MapSnapshot,
  type TrafficProgress,
  type TrafficRequest,
  type TrafficSummary,
} from '../../src/protocol';
import { CORE } from '../../src/runtime/core';
import { runtimeHandlers, Session } from '../../src/runtime/session';

const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasClang) console.warn('\n!!! SKIPPING traffic worker tests: clang-19 is not installed !!!\n');

const dir = mkdtempSync(join(tmpdir(), 'ebpf-pg-traffic-w-'));
const HEADERS = join(import.meta.dirname, '../../src/compiler/headers/include');

function compile(src = join(import.meta.dirname, 'fixtures/traffic_probe.c')): Uint8Array {
  const out = join(dir, basename(src).replace(/\.c$/, '.o'));
  execFileSync('clang-19', ['-O2', '-g', '-target', 'bpf', '-mcpu=v3', '-I', HEADERS, '-c', src, '-o', out]);
  return readFileSync(out);
}

const request = (runId: number, packets: number): TrafficRequest => ({
  runId,
  packets,
  ratePps: 1_000_000,
  classes: parseMix('1 ipv4-tcp-syn sport=1000-2000, 1 ipv4-udp-dns'),
  seed: 9,
  chartMap: 'proto_count',
});

function setUp(object: Uint8Array) {
  const events: TrafficProgress[] = [];
  const handlers = runtimeHandlers(new Session(CORE), (event, data) => {
    if (event === TRAFFIC_PROGRESS_EVENT) events.push(data as TrafficProgress);
  });
  const load = handlers.load({ object, program: null, privileged: true });
  if (load instanceof Promise || load.status !== 'ok') throw new Error('load failed');
  return { handlers, events };
}

const summaryOf = (stage: Awaited<ReturnType<ReturnType<typeof runtimeHandlers>['traffic']>>): TrafficSummary => {
  if (stage.status !== 'ok') throw new Error(`traffic failed: ${JSON.stringify(stage)}`);
  return stage.value;
};

/** Waits until `n` progress events came; fails at once if the run ended first (instead of hanging). */
async function progressEvents(events: readonly TrafficProgress[], n: number, running: unknown) {
  let ended = false;
  void Promise.resolve(running).then(() => (ended = true));
  while (events.length < n) {
    if (ended)
      throw new Error(`the run ended after ${events.length} progress events: ${JSON.stringify(await running)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const counted = (maps: readonly MapSnapshot[]): number =>
  maps
    .find((m) => m.name === 'proto_count')!
    .entries.reduce((n, e) => n + Number(Buffer.from(e.value as string, 'hex').readBigUInt64LE()), 0);

describe.skipIf(!hasClang)('traffic runs in the runtime worker', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const object = hasClang ? compile() : new Uint8Array();

  it('completes, with the JIT, and its maps are the live session maps', async () => {
    const { handlers } = setUp(object);
    const summary = summaryOf(await handlers.traffic(request(1, 3000)));
    expect(summary.outcome).toBe('completed');
    expect(summary.engine).toEqual({ engine: 'jit', reason: null });
    expect(summary.totals.done).toBe(3000);
    expect(counted(summary.maps)).toBe(3000);
    const maps = await handlers.maps(null);
    expect(maps.status === 'ok' && counted(maps.value)).toBe(3000);
  });

  it('posts progress while it runs and stops promptly on cancel, maps as they were at the stop', async () => {
    const { handlers, events } = setUp(object);
    const running = handlers.traffic(request(2, 50_000_000));
    await progressEvents(events, 2, running);
    expect(await handlers.trafficCancel({ runId: 2 })).toBe(true);
    const asked = performance.now();
    const summary = summaryOf(await running);
    expect(performance.now() - asked).toBeLessThan(1000);
    expect(summary.outcome).toBe('cancelled');
    expect(summary.totals.done).toBeGreaterThan(0);
    expect(summary.totals.done).toBeLessThan(50_000_000);
    expect(counted(summary.maps)).toBe(summary.totals.done);
    expect(events[1]!.totals.done).toBeGreaterThan(events[0]!.totals.done);
    expect(events.every((e) => e.runId === 2 && e.packetsPerSecond > 0)).toBe(true);
    expect(await handlers.trafficCancel({ runId: 2 })).toBe(false);
  });

  it('stops when another object is loaded', async () => {
    const { handlers, events } = setUp(object);
    const running = handlers.traffic(request(3, 50_000_000));
    await progressEvents(events, 1, running);
    await handlers.load({ object, program: null, privileged: true });
    const summary = summaryOf(await running);
    expect(summary.outcome).toBe('stopped');
    expect(summary.reason).toMatch(/reloaded/);
  });

  it('says so when the interpreter runs instead of the JIT (tail calls)', async () => {
    const tailCalls = compile(join(import.meta.dirname, '../../src/examples/12-tail-calls/tail_calls.bpf.c'));
    const { handlers } = setUp(tailCalls);
    const summary = summaryOf(await handlers.traffic({ ...request(6, 500), chartMap: null }));
    expect(summary.outcome).toBe('completed');
    expect(summary.engine).toEqual({ engine: 'interpreter', reason: expect.stringMatching(/tail calls/) });
  });

  it('refuses a bad request and runs nothing when nothing is loaded', async () => {
    const { handlers } = setUp(object);
    expect(await handlers.traffic({ ...request(4, 10), chartMap: 'missing' })).toEqual({
      status: 'error',
      message: "no map named 'missing'",
    });
    const empty = runtimeHandlers(new Session(CORE));
    expect(await empty.traffic(request(5, 10))).toMatchObject({ status: 'error', message: /compile first/ });
  });
});
