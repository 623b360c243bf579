// @vitest-environment happy-dom
/**
 * The page side of traffic runs without a worker: the request built from the panel's settings,
 * the store slice dropping progress of replaced runs, the chart numbers, and the panel rendering
 * a finished run's charts and totals from store state.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPacket, PACKET_TEMPLATES } from '../../bpf/inputs/packets';
import type { TrafficBucket } from '../../bpf/traffic';
import type { LoadedObject, TrafficProgress, TrafficSummary } from '../../protocol';
import type { CommandContext } from '../commands';
import { PlaygroundContext } from '../context';
import type { Pipeline } from '../pipeline';
import { createPlaygroundStore } from '../store/store';
import { keyLabel, mapLines, verdictColumns, verdictOrder } from './chart-data';
import { chartMapOf, trafficRequest } from './request';
import { TrafficPanel } from './TrafficPanel';

afterEach(cleanup);

const bucket = (index: number, verdicts: Record<string, number>, mapValues: Record<string, number>): TrafficBucket => ({
  index,
  startNs: index * 1_000_000,
  packets: Object.values(verdicts).reduce((a, b) => a + b, 0),
  verdicts,
  mapValues,
});

const BUCKETS = [
  bucket(0, { XDP_PASS: 80, XDP_DROP: 20 }, { '06000000': 70, '11000000': 20, '01000000': 10 }),
  bucket(1, { XDP_PASS: 70, XDP_DROP: 30 }, { '06000000': 140, '11000000': 50, '01000000': 10 }),
];

const MAPS: LoadedObject['maps'] = [
  { name: 'ring', type: 'ringbuf', keySize: 0, valueSize: 0, maxEntries: 4096, cpus: 1 },
  { name: 'proto_count', type: 'array', keySize: 4, valueSize: 8, maxEntries: 256, cpus: 1 },
  { name: 'flows', type: 'lru_hash', keySize: 8, valueSize: 8, maxEntries: 1024, cpus: 1 },
];

const progress = (runId: number, done: number, buckets: TrafficBucket[]): TrafficProgress => ({
  runId,
  totals: { done, total: 200, simulatedNs: done * 10_000, verdicts: [], perClass: [], firstError: null, traceLines: 0, lastTrace: [] }, // prettier-ignore
  buckets,
  elapsedMs: 10,
  packetsPerSecond: 20_000,
  engine: { engine: 'jit', reason: null },
});

describe('traffic request from the panel settings', () => {
  it('builds presets and Inputs packets, parses ranges, skips zero weights and picks a chart map', () => {
    const store = createPlaygroundStore();
    const s = store.getState();
    const rows = [
      { id: 1, source: 'ipv4-tcp-syn', weight: 3, srcIp: '10.1.0.0/16', srcPort: '1000-2000' },
      { id: 2, source: 'input:0', weight: 1, srcIp: '', srcPort: '' },
      { id: 3, source: 'ipv4-icmp-echo', weight: 0, srcIp: '', srcPort: '' },
    ];
    const req = trafficRequest(7, { ...s.trafficConfig, rows }, s.packets, MAPS);
    expect(req.runId).toBe(7);
    expect(req.classes.map((c) => c.label)).toEqual(['ipv4-tcp-syn', 'Inputs packet 1']);
    expect(req.classes[0]!.packet).toEqual(buildPacket(PACKET_TEMPLATES[0]!.spec));
    expect(req.classes[0]!.srcIp).toEqual({ lo: 0x0a010000, hi: 0x0a01ffff });
    expect(req.classes[0]!.srcPort).toEqual({ lo: 1000, hi: 2000 });
    expect(req.classes[1]!.srcIp).toBeUndefined();
    expect(req.chartMap).toBe('proto_count');
    expect(chartMapOf({ ...s.trafficConfig, chartMap: 'flows' }, MAPS)).toBe('flows');
    const struct = { name: 'limiter', type: 'array', keySize: 4, valueSize: 16, maxEntries: 1, cpus: 1 };
    expect(chartMapOf(s.trafficConfig, [struct, ...MAPS])).toBe('proto_count');
    const bad = [{ id: 1, source: 'ipv4-tcp-syn', weight: 1, srcIp: '10.1.0.0/40', srcPort: '' }];
    expect(() => trafficRequest(8, { ...s.trafficConfig, rows: bad }, s.packets, MAPS)).toThrow(/ipv4-tcp-syn: .*prefix length/); // prettier-ignore
  });
});

describe('traffic slice', () => {
  it('keeps the current run only and adds the chart points of each event', () => {
    const store = createPlaygroundStore();
    store.getState().trafficStarted(2, 200, 100_000, null);
    store.getState().trafficProgress(progress(1, 50, [BUCKETS[0]!]));
    expect(store.getState().traffic.buckets).toEqual([]);
    store.getState().trafficProgress(progress(2, 100, [BUCKETS[0]!]));
    const summary: TrafficSummary = {
      ...progress(2, 200, [BUCKETS[1]!]),
      outcome: 'completed',
      reason: null,
      maps: [],
    };
    store.getState().trafficFinished(2, { status: 'ok', value: summary });
    const view = store.getState().traffic;
    expect(view.running).toBe(false);
    expect(view.buckets).toEqual(BUCKETS);
    expect(view.latest?.totals.done).toBe(200);
  });
});

describe('chart numbers', () => {
  it('stacks verdicts in overall order and follows the busiest keys', () => {
    const order = verdictOrder(BUCKETS);
    expect(order).toEqual(['XDP_PASS', 'XDP_DROP']);
    expect(verdictColumns(BUCKETS, order)[1]!.parts).toEqual([
      { name: 'XDP_PASS', count: 70 },
      { name: 'XDP_DROP', count: 30 },
    ]);
    const lines = mapLines(BUCKETS, 10_000, 2);
    expect(lines.map((l) => [keyLabel(l.key), l.last])).toEqual([
      ['6', 140],
      ['17', 50],
    ]);
    expect(lines[0]!.points).toEqual([
      [0.001, 70],
      [0.002, 140],
    ]);
  });
});

function loadedStore() {
  const store = createPlaygroundStore();
  const s = store.getState();
  s.compileQueued(0);
  s.compileStarted(0);
  s.compileFinished(0, { object: new Uint8Array(8), diagnostics: [], crash: null, durationMs: 1 });
  const program = { name: 'count', section: 'xdp', kind: 'xdp' as const, insnCount: 10 };
  const loaded: LoadedObject = { origin: { kind: 'compiled' }, programs: [program], maps: MAPS, program: 'count', disassembly: { status: 'ok', value: [] } }; // prettier-ignore
  s.loadFinished(0, { status: 'ok', value: loaded });
  return store;
}

function renderPanel(store: ReturnType<typeof createPlaygroundStore>) {
  const ctx: CommandContext = { store, pipeline: {} as Pipeline };
  render(
    <PlaygroundContext.Provider value={ctx}>
      <TrafficPanel />
    </PlaygroundContext.Provider>,
  );
}

describe('Traffic panel', () => {
  it('shows a running run: progress, Cancel, and the interpreter fallback with its reason', () => {
    const store = loadedStore();
    store.getState().trafficStarted(3, 200, 100_000, store.getState().load);
    const reason = 'the object has a prog_array: tail calls run in the interpreter';
    store.getState().trafficProgress({ ...progress(3, 120, [BUCKETS[0]!]), engine: { engine: 'interpreter', reason } });
    renderPanel(store);
    expect(screen.getByRole('progressbar', { name: 'Traffic run progress' }).getAttribute('aria-valuenow')).toBe('120');
    expect(screen.getByTestId('traffic-progress-text').textContent).toContain(`interpreter: ${reason}`);
    expect(screen.getByRole('button', { name: /Cancel/ })).toBeTruthy();
    expect(screen.queryByTestId('traffic-totals')).toBeNull();
    expect(screen.queryByText(/earlier build/)).toBeNull();
    // A new load (a fresh object of the same program) makes the run history.
    const reloaded = store.getState().load!;
    act(() => store.getState().loadFinished(0, { ...reloaded }));
    expect(screen.getByText(/This run was made with an earlier build/)).toBeTruthy();
  });

  it('shows a finished run: charts, verdict totals and how it ended', () => {
    const store = loadedStore();
    const s = store.getState();
    s.trafficStarted(1, 200, 100_000, s.load);
    const totals = { done: 200, total: 200, simulatedNs: 2_000_000, verdicts: [{ name: 'XDP_PASS', retval: 2, count: 150 }, { name: 'XDP_DROP', retval: 1, count: 50 }], perClass: [{ label: 'ipv4-tcp-syn', count: 200 }], firstError: null, traceLines: 0, lastTrace: [] }; // prettier-ignore
    const summary: TrafficSummary = { ...progress(1, 200, BUCKETS), totals, outcome: 'cancelled', reason: 'cancelled', maps: [] }; // prettier-ignore
    s.trafficFinished(1, { status: 'ok', value: summary });
    renderPanel(store);
    expect(screen.getByTestId('verdict-chart').querySelectorAll('rect')).toHaveLength(4);
    expect(screen.getByTestId('map-chart').querySelectorAll('polyline')).toHaveLength(3);
    const result = within(screen.getByTestId('traffic-totals'));
    expect(result.getByText(/^Cancelled$/)).toBeTruthy();
    expect(screen.getByTestId('traffic-totals').textContent).toMatch(/XDP_DROP \(1\)5025\.0%/);
    expect(screen.getByRole('button', { name: /Start traffic/ })).toBeTruthy();
  });
});
