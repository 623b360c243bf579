/**
 * The worker's traffic driver on a fake session and a fake clock (1 ms per packet): chunks shrink
 * to ~25 ms of work so the worker yields often even for a slow program, and progress goes out at
 * most every 200 ms — never one event per packet.
 */
import { describe, expect, it } from 'vitest';
import { parseMix } from '../../src/bpf/traffic';
import type { TrafficProgress } from '../../src/protocol';
import { type LivePackets, TrafficDriver } from '../../src/runtime/traffic';

function slowSession(msPerPacket: number, clock: { ms: number }): LivePackets {
  const sim = { ns: 0, advanceTo: (ns: number) => void (sim.ns = Math.max(ns, sim.ns)) };
  return {
    session: {
      type: 'xdp',
      maps: [],
      clock: sim,
      engine: { engine: 'jit', reason: null },
      runRetval: () => {
        clock.ms += msPerPacket;
        return 2;
      },
    },
    snapshot: () => [],
    isCurrent: () => true,
  };
}

const request = {
  runId: 1,
  packets: 2000,
  ratePps: 1000,
  classes: parseMix('1 ipv4-tcp-syn'),
  seed: 1,
  chartMap: null,
};

describe('traffic driver', () => {
  it('yields every ~25 ms of work and posts progress at most every 200 ms', async () => {
    const clock = { ms: 0 };
    const events: TrafficProgress[] = [];
    const chunks: number[] = [];
    let before = 0;
    const driver = new TrafficDriver(
      (p) => events.push(p),
      async () => {
        chunks.push(clock.ms - before);
        before = clock.ms;
      },
      () => clock.ms,
    );
    const result = await driver.run(request, slowSession(1, clock));
    if (result.status !== 'ok') throw new Error(JSON.stringify(result));
    expect(result.value.outcome).toBe('completed');
    expect(result.value.totals.done).toBe(2000);
    expect(result.value.packetsPerSecond).toBe(1000);
    // After the first chunk (64 packets), every chunk is about 25 ms of work.
    expect(chunks[0]).toBe(64);
    expect(Math.max(...chunks.slice(1, -1))).toBeLessThanOrEqual(26);
    // 2 s of work: about ten events, each 200+ ms after the previous one.
    expect(events.length).toBeGreaterThanOrEqual(8);
    expect(events.length).toBeLessThanOrEqual(10);
    const times = events.map((e) => e.elapsedMs);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(200);
    // Every chart point is delivered once, by an event or by the summary.
    const buckets = [...events.flatMap((e) => e.buckets), ...result.value.buckets];
    // 120 points at most: ceil(2000 / 120) = 17 packets each, so 118 points.
    expect(buckets.map((b) => b.index)).toEqual(Array.from({ length: 118 }, (_, i) => i));
    expect(buckets.reduce((n, b) => n + b.packets, 0)).toBe(2000);
  });

  it('a newer run stops the one before it', async () => {
    const clock = { ms: 0 };
    let release: () => void = () => undefined;
    const paused = new Promise<void>((r) => (release = r));
    const driver = new TrafficDriver(
      () => undefined,
      () => paused,
      () => clock.ms,
    );
    const first = driver.run(request, slowSession(1, clock));
    const second = driver.run({ ...request, runId: 2, packets: 10 }, slowSession(0, clock));
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.status === 'ok' && [a.value.outcome, a.value.reason]).toEqual([
      'stopped',
      'a newer traffic run replaced it',
    ]);
    expect(b.status === 'ok' && b.value.outcome).toBe('completed');
    expect(driver.cancel(2)).toBe(false);
  });
});
