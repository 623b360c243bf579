/**
 * Traffic runs in the runtime worker: the request, the progress events it posts between chunks
 * and the summary it answers with. The packet mix and the report shapes are the core's own
 * (src/bpf/traffic); structured clone carries them as they are.
 */
import type { TrafficBucket, TrafficClass, TrafficTotals } from '../bpf/traffic';
import type { MapSnapshot } from './runtime';

export interface TrafficRequest {
  /** Progress events and the summary carry it, so the page ignores a run it has replaced. */
  readonly runId: number;
  readonly packets: number;
  /** Packets per simulated second (bpf_ktime_get_ns advances 1/rate per packet). */
  readonly ratePps: number;
  readonly classes: readonly TrafficClass[];
  readonly seed: number;
  /** A map of the program whose values are charted over time; null for none. */
  readonly chartMap: string | null;
}

/** Which engine ran the packets; the reason says why the interpreter when the JIT could not. */
export interface TrafficEngine {
  readonly engine: 'jit' | 'interpreter';
  readonly reason: string | null;
}

/** Event the runtime posts at most every ~200 ms while a traffic run goes. */
export const TRAFFIC_PROGRESS_EVENT = 'traffic-progress';

export interface TrafficProgress {
  readonly runId: number;
  readonly totals: TrafficTotals;
  /** Chart points completed since the previous event. */
  readonly buckets: readonly TrafficBucket[];
  /** Wall-clock time the run has taken so far. */
  readonly elapsedMs: number;
  /** Packets per real second so far. */
  readonly packetsPerSecond: number;
  readonly engine: TrafficEngine;
}

export interface TrafficSummary extends TrafficProgress {
  /** completed: every packet ran; cancelled: the user stopped it; stopped: a reload or a newer run ended it. */
  readonly outcome: 'completed' | 'cancelled' | 'stopped';
  readonly reason: string | null;
  /** The maps at the end (or at the stop), as the Maps panel shows them. */
  readonly maps: readonly MapSnapshot[];
}
