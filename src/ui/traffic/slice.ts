/**
 * The traffic run's store slice: the mix and run settings the panel edits, and what the runtime
 * reported about the current run (latest totals, chart points so far, the summary at the end).
 * Progress of a run the page has replaced is dropped by run id.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { TrafficBucket } from '../../bpf/traffic';
import type { Stage, TrafficProgress, TrafficSummary } from '../../protocol';

/** One class of the mix as the panel edits it (text fields are parsed when the run starts). */
export interface TrafficMixRow {
  readonly id: number;
  /** A packet preset id ("ipv4-tcp-syn") or "input:N" for the Inputs panel's packet N (0-based). */
  readonly source: string;
  readonly weight: number;
  /** IPv4 CIDR block for source addresses; '' keeps the template's address. */
  readonly srcIp: string;
  /** "LO-HI" for TCP/UDP source ports; '' keeps the template's port. */
  readonly srcPort: string;
}

export interface TrafficConfig {
  readonly rows: readonly TrafficMixRow[];
  readonly packets: number;
  readonly ratePps: number;
  readonly seed: number;
  /** The map charted over time; null picks the program's first array or hash map. */
  readonly chartMap: string | null;
}

export interface TrafficView {
  readonly runId: number;
  readonly running: boolean;
  readonly total: number;
  readonly ratePps: number;
  /** The load the run was made with (by identity): a later load makes its results history. */
  readonly build: unknown;
  readonly latest: TrafficProgress | null;
  readonly buckets: readonly TrafficBucket[];
  readonly result: Stage<TrafficSummary> | null;
}

export interface TrafficSlice {
  trafficConfig: TrafficConfig;
  traffic: TrafficView;
  setTrafficConfig(patch: Partial<TrafficConfig>): void;
  trafficStarted(runId: number, total: number, ratePps: number, build: unknown): void;
  trafficProgress(progress: TrafficProgress): void;
  trafficFinished(runId: number, result: Stage<TrafficSummary>): void;
}

export const DEFAULT_TRAFFIC_ROWS: readonly TrafficMixRow[] = [
  { id: 1, source: 'ipv4-tcp-syn', weight: 70, srcIp: '10.0.0.0/16', srcPort: '1024-65535' },
  { id: 2, source: 'ipv4-udp-dns', weight: 20, srcIp: '10.0.0.0/16', srcPort: '1024-65535' },
  { id: 3, source: 'ipv4-icmp-echo', weight: 10, srcIp: '10.0.0.0/16', srcPort: '' },
];

const IDLE: TrafficView = {
  runId: 0,
  running: false,
  total: 0,
  ratePps: 1,
  build: null,
  latest: null,
  buckets: [],
  result: null,
};

export const trafficSlice = <S extends TrafficSlice>(set: StoreApi<S>['setState']): TrafficSlice => {
  const update = (f: (s: TrafficSlice) => Partial<TrafficSlice>) => set((s) => f(s) as Partial<S>);
  return {
    trafficConfig: { rows: DEFAULT_TRAFFIC_ROWS, packets: 1_000_000, ratePps: 100_000, seed: 1, chartMap: null },
    traffic: IDLE,
    setTrafficConfig: (patch) => update((s) => ({ trafficConfig: { ...s.trafficConfig, ...patch } })),
    trafficStarted: (runId, total, ratePps, build) =>
      update(() => ({ traffic: { ...IDLE, runId, running: true, total, ratePps, build } })),
    trafficProgress: (progress) =>
      update((s) =>
        progress.runId !== s.traffic.runId || !s.traffic.running
          ? {}
          : { traffic: { ...s.traffic, latest: progress, buckets: [...s.traffic.buckets, ...progress.buckets] } },
      ),
    trafficFinished: (runId, result) =>
      update((s) => {
        if (runId !== s.traffic.runId) return {};
        const buckets = result.status === 'ok' ? [...s.traffic.buckets, ...result.value.buckets] : s.traffic.buckets;
        const latest = result.status === 'ok' ? result.value : s.traffic.latest;
        return { traffic: { ...s.traffic, running: false, buckets, latest, result } };
      }),
  };
};
