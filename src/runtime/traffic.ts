/**
 * Traffic runs in the worker: drives a TrafficRun (src/bpf/traffic) over the loaded program's live
 * session in chunks of ~25 ms, yielding to the worker's event loop between chunks so a cancel (or
 * any other request) is handled promptly, and posting progress at most every 200 ms so the page
 * is never flooded. One run at a time: a new run stops the previous one.
 */
import { TrafficError, TrafficRun, type TrafficTarget } from '../bpf/traffic';
import type { Session as BpfSession } from '../bpf/session';
import type { MapSnapshot, Stage, TrafficProgress, TrafficRequest, TrafficSummary } from '../protocol';

/** The loaded program's session as a traffic run uses it. */
export interface LivePackets {
  readonly session: TrafficTarget & Pick<BpfSession, 'engine'>;
  /** The maps now, as the Maps panel shows them. */
  snapshot(): MapSnapshot[];
  /** False once another object was loaded (or the runtime reset): the run must stop. */
  isCurrent(): boolean;
}

const CHUNK_MS = 25;
const PROGRESS_MS = 200;
/** Small, so a program that takes milliseconds per packet still yields at once; chunks grow from there. */
const FIRST_CHUNK = 64;

const clockMs = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Lets queued messages run: a MessageChannel round trip (a zero timeout is clamped to 4 ms when nested). */
export function yieldToEvents(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

interface Active {
  readonly runId: number;
  stop: { outcome: 'cancelled' | 'stopped'; reason: string } | null;
}

export class TrafficDriver {
  private active: Active | null = null;

  constructor(
    private readonly emit: (progress: TrafficProgress) => void,
    private readonly pause: () => Promise<void> = yieldToEvents,
    private readonly now: () => number = clockMs,
  ) {}

  cancel(runId: number): boolean {
    if (this.active?.runId !== runId) return false;
    this.active.stop ??= { outcome: 'cancelled', reason: 'stopped by Cancel' };
    return true;
  }

  async run(req: TrafficRequest, live: LivePackets): Promise<Stage<TrafficSummary>> {
    let run: TrafficRun;
    try {
      run = new TrafficRun(live.session, req);
    } catch (e) {
      if (e instanceof TrafficError) return { status: 'error', message: e.message };
      throw e;
    }
    if (this.active !== null) this.active.stop ??= { outcome: 'stopped', reason: 'a newer traffic run replaced it' };
    const me: Active = { runId: req.runId, stop: null };
    this.active = me;
    const start = this.now();
    const engine = live.session.engine;
    const progress = (final: boolean): TrafficProgress => {
      const elapsedMs = this.now() - start;
      const totals = run.totals();
      const packetsPerSecond = elapsedMs > 0 ? Math.round((totals.done * 1000) / elapsedMs) : 0;
      return { runId: req.runId, totals, buckets: run.takeBuckets(final), elapsedMs, packetsPerSecond, engine };
    };
    let chunk = FIRST_CHUNK;
    let lastPost = start;
    try {
      while (!run.finished && me.stop === null) {
        if (!live.isCurrent()) {
          me.stop = { outcome: 'stopped', reason: 'the program was reloaded' };
          break;
        }
        const began = this.now();
        run.advance(chunk);
        // Aim each chunk at CHUNK_MS of work: short enough for a prompt cancel, long enough to be cheap.
        const took = Math.max(this.now() - began, 0.5);
        chunk = Math.max(1, Math.min(500_000, Math.round((chunk * CHUNK_MS) / took)));
        if (this.now() - lastPost >= PROGRESS_MS && !run.finished) {
          this.emit(progress(false));
          lastPost = this.now();
        }
        await this.pause();
      }
    } finally {
      if (this.active === me) this.active = null;
    }
    const stop = me.stop as Active['stop'];
    return {
      status: 'ok',
      value: {
        ...progress(true),
        outcome: stop === null ? 'completed' : stop.outcome,
        reason: stop === null ? null : stop.reason,
        maps: live.snapshot(),
      },
    };
  }
}
