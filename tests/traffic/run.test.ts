/**
 * The traffic run loop over a real session (clang-19 builds the fixture): its counts equal the sum
 * of single runs, the simulated clock follows the nominal rate, and a stop leaves the maps as the
 * last packet left them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadObject, type BpfObject } from '../../src/bpf/object';
import { createSession, describeRetval, isFailure } from '../../src/bpf/session';
import { parseMix, TrafficGenerator, TrafficRun, type TrafficOptions } from '../../src/bpf/traffic';
import { CORPUS_DIR } from '../kernel-diff/corpus';

const hasClang = spawnSync('clang-19', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasClang) console.warn('\n!!! SKIPPING traffic run tests: clang-19 is not installed !!!\n');

const dir = mkdtempSync(join(tmpdir(), 'ebpf-pg-traffic-'));
const HEADERS = join(import.meta.dirname, '../../src/compiler/headers/include');

function build(src = join(import.meta.dirname, 'fixtures/traffic_probe.c')): BpfObject {
  const name = basename(src, '.c');
  const out = join(dir, `${name}.o`);
  execFileSync('clang-19', ['-O2', '-g', '-target', 'bpf', '-mcpu=v3', '-I', HEADERS, '-I', CORPUS_DIR, '-c', src, '-o', out]); // prettier-ignore
  return loadObject(readFileSync(out), { name });
}

const MIX = '60 ipv4-tcp-syn src=10.0.0.0/16 sport=1024-65535, 30 ipv4-udp-dns, 10 ipv4-icmp-echo';
const options = (packets: number, chartMap: string | null = 'proto_count'): TrafficOptions => ({
  packets,
  ratePps: 250_000,
  classes: parseMix(MIX),
  seed: 5,
  chartMap,
  buckets: 10,
});
const sessionOf = (object: BpfObject) => createSession(object, { cpus: 2, privileged: true, seed: 1 });
const u64 = (hex: string): number => Number(Buffer.from(hex, 'hex').readBigUInt64LE());

describe.skipIf(!hasClang)('traffic run', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const object = hasClang ? build() : (null as unknown as BpfObject);

  it('counts what single runs of the same packets give, maps included', () => {
    const traffic = sessionOf(object);
    const run = new TrafficRun(traffic, options(400));
    while (!run.finished) run.advance(37);
    const single = sessionOf(object);
    const generator = new TrafficGenerator(parseMix(MIX), 5);
    const expected = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const r = single.run(generator.next());
      if (isFailure(r)) throw new Error(r.error);
      const name = describeRetval(single.type, r.retval);
      expected.set(name, (expected.get(name) ?? 0) + 1);
    }
    const totals = run.totals();
    expect(Object.fromEntries(totals.verdicts.map((v) => [v.name, v.count]))).toEqual(Object.fromEntries(expected));
    expect(totals.verdicts.find((v) => v.name === 'XDP_DROP')?.retval).toBe(1);
    expect(totals.perClass.reduce((n, c) => n + c.count, 0)).toBe(400);
    expect(traffic.dumpMaps().proto_count).toEqual(single.dumpMaps().proto_count);
  });

  it('moves the simulated clock at the nominal rate', () => {
    const session = sessionOf(object);
    const start = session.clock.ns;
    const run = new TrafficRun(session, options(1000, null));
    run.advance(1000);
    // Packet 999 arrives 999 * 4 µs after the start; the program's ktime read adds 1 µs.
    const seen = u64(session.dumpMaps().last_seen!.entries[0]!.value);
    expect(seen - start).toBe(999 * 4000 + 1000);
    expect(run.totals().simulatedNs).toBe(4_000_000);
  });

  it('lets a ktime-based rate limiter see the nominal rate', () => {
    const limiter = build(join(import.meta.dirname, 'fixtures/rate_limit.c'));
    const drops = (ratePps: number) => {
      const run = new TrafficRun(sessionOf(limiter), { ...options(200_000, 'verdicts'), ratePps });
      while (!run.finished) run.advance(50_000);
      return run.totals().verdicts.find((v) => v.name === 'XDP_DROP')?.count ?? 0;
    };
    // 100,000/s is 10,000 per 100 ms window against a limit of 5,000: about half go; 40,000/s fits.
    expect(drops(100_000) / 200_000).toBeCloseTo(0.5, 1);
    expect(drops(40_000)).toBe(0);
  });

  it('stops between packets: totals, buckets and maps agree at the stop', () => {
    const session = sessionOf(object);
    const run = new TrafficRun(session, options(1000));
    expect(run.advance(250)).toBe(250);
    const buckets = [...run.takeBuckets(), ...run.takeBuckets(true)];
    expect(buckets.map((b) => b.packets)).toEqual([100, 100, 50]);
    expect(buckets.map((b) => b.startNs)).toEqual([0, 400_000, 800_000]);
    const counted = buckets.reduce((n, b) => n + Object.values(b.verdicts).reduce((x, y) => x + y, 0), 0);
    expect(counted).toBe(250);
    const inMap = session.dumpMaps().proto_count!.entries.reduce((n, e) => n + u64(e.value), 0);
    expect(inMap).toBe(250);
    expect(run.totals().done).toBe(250);
    // The chart samples the map at each bucket's end: the last sample is the map now.
    const last = buckets[2]!.mapValues!;
    expect(Object.values(last).reduce((a, b) => a + b, 0)).toBe(250);
    expect(Object.keys(last).sort()).toEqual(['01000000', '06000000', '11000000']);
  });

  it('counts failed runs as errors with the first message', () => {
    const session = sessionOf(object);
    const classes = [{ label: 'runt', packet: new Uint8Array(8), weight: 1 }, ...parseMix('1 ipv4-tcp-syn')];
    const run = new TrafficRun(session, { ...options(100, null), classes });
    run.advance(100);
    const totals = run.totals();
    const errors = totals.verdicts.find((v) => v.name === 'error');
    expect(errors?.count).toBe(totals.perClass[0]!.count);
    expect(errors?.retval).toBeNull();
    expect(totals.firstError).toMatch(/^EINVAL/);
  });

  it('names TC and socket-filter verdicts, and charts per-CPU maps summed over the CPUs', () => {
    const classes = parseMix('2 ipv4-tcp-syn, 1 arp-request, 1 ipv6-udp');
    const tc = new TrafficRun(sessionOf(build(join(CORPUS_DIR, 'tc_percpu_hash.c'))), { ...options(400, 'per_type'), classes }); // prettier-ignore
    tc.advance(400);
    const [tcp, arp, v6] = tc.totals().perClass.map((c) => c.count) as [number, number, number];
    expect(Object.fromEntries(tc.totals().verdicts.map((v) => [v.name, v.count]))).toEqual({ TC_ACT_OK: tcp + v6, TC_ACT_SHOT: arp }); // prettier-ignore
    // per_type[EtherType] adds skb->len: 54-byte TCP frames, 42-byte ARP, 62-byte IPv6 UDP.
    const last = tc.takeBuckets(true).at(-1)!.mapValues!;
    expect(last).toEqual({ '0008': 54 * tcp, '0608': 42 * arp, dd86: 62 * v6 });
    const sock = new TrafficRun(sessionOf(build(join(CORPUS_DIR, 'sock_keep_len.c'))), { ...options(400, null), classes }); // prettier-ignore
    sock.advance(400);
    const [tcp4, arp4, v64] = sock.totals().perClass.map((c) => c.count) as [number, number, number];
    // A socket filter keeps the bytes it returns: 40 for IPv4, skb->len (48 past Ethernet) for IPv6, none for ARP.
    expect(Object.fromEntries(sock.totals().verdicts.map((v) => [v.name, v.count]))).toEqual({ 'keep 40 bytes': tcp4, 'keep 48 bytes': v64, drop: arp4 }); // prettier-ignore
  });

  it('refuses what it cannot run', () => {
    const session = sessionOf(object);
    expect(() => new TrafficRun(session, { ...options(10), chartMap: 'nope' })).toThrow(/no map named 'nope'/);
    expect(() => new TrafficRun(session, options(0))).toThrow(/positive integer/);
    expect(() => new TrafficRun(session, { ...options(10), ratePps: 0 })).toThrow(/rate/);
  });
});
