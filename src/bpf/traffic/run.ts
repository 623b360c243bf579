/**
 * A traffic run over a session: packets from the generator, one run each with maps and helper
 * state live across packets, the simulated clock moved to each packet's arrival (packet i at
 * i/rate seconds), verdicts counted in total and per time bucket for the charts.
 *
 * The run advances in chunks the caller chooses (`advance(n)`), so a worker can post progress
 * and handle a cancel between chunks; stopping between two packets leaves the maps exactly as
 * the last packet left them.
 */
import type { Session } from '../session';
import { TrafficGenerator, TrafficError } from './generator';
import { mapSampler } from './sampler';
import type { TrafficBucket, TrafficOptions, TrafficTotals } from './types';
import { VerdictCounter } from './verdicts';

/** What a traffic run needs of a session. */
export type TrafficTarget = Pick<Session, 'type' | 'maps' | 'runRetval' | 'clock'>;

export const DEFAULT_BUCKETS = 120;
const KEPT_TRACE_LINES = 20;

export class TrafficRun {
  readonly total: number;
  private readonly generator: TrafficGenerator;
  private readonly nsPerPacket: number;
  private readonly startNs: number;
  private readonly bucketSize: number;
  private readonly sample: (() => Record<string, number>) | null;
  private readonly verdicts: VerdictCounter;
  private readonly perClass: number[];
  private readonly trace: string[] = [];
  private bucketPackets = 0;
  private completed: TrafficBucket[] = [];
  private index = 0;
  private traceLines = 0;
  private lastTrace: string[] = [];

  constructor(
    private readonly target: TrafficTarget,
    private readonly options: TrafficOptions,
  ) {
    if (!Number.isSafeInteger(options.packets) || options.packets < 1)
      throw new TrafficError(`the packet count must be a positive integer, got ${options.packets}`);
    if (!(options.ratePps > 0) || !Number.isFinite(options.ratePps))
      throw new TrafficError(`the rate must be a positive number of packets per second, got ${options.ratePps}`);
    if (target.type === null)
      throw new TrafficError('traffic runs need a packet program (XDP, TC, socket filter or cgroup_skb)');
    this.total = options.packets;
    this.verdicts = new VerdictCounter(target.type);
    this.generator = new TrafficGenerator(options.classes, options.seed);
    this.perClass = options.classes.map(() => 0);
    this.nsPerPacket = 1e9 / options.ratePps;
    this.startNs = target.clock.ns;
    this.bucketSize = Math.ceil(this.total / Math.max(1, Math.min(options.buckets ?? DEFAULT_BUCKETS, this.total)));
    const chart = options.chartMap === null ? undefined : target.maps.find((m) => m.name === options.chartMap);
    if (options.chartMap !== null && chart === undefined) throw new TrafficError(`no map named '${options.chartMap}'`);
    this.sample = chart === undefined ? null : mapSampler(chart.map);
  }

  get done(): number {
    return this.index;
  }

  get finished(): boolean {
    return this.index >= this.total;
  }

  /** Runs up to `count` more packets; returns how many ran. */
  advance(count: number): number {
    const end = Math.min(this.total, this.index + count);
    const start = this.index;
    while (this.index < end) {
      this.target.clock.advanceTo(this.startNs + Math.floor(this.index * this.nsPerPacket));
      const packet = this.generator.next();
      this.perClass[this.generator.lastClass]!++;
      this.verdicts.count(this.target.runRetval(packet, this.trace));
      if (this.trace.length > 0) this.keepTrace();
      this.index++;
      if (++this.bucketPackets === this.bucketSize) this.closeBucket();
    }
    return this.index - start;
  }

  /** Buckets completed since the last call; `final` also closes the bucket in progress (after a stop). */
  takeBuckets(final = false): TrafficBucket[] {
    if (final && this.bucketPackets > 0) this.closeBucket();
    const out = this.completed;
    this.completed = [];
    return out;
  }

  totals(): TrafficTotals {
    return {
      done: this.index,
      total: this.total,
      simulatedNs: Math.round(this.index * this.nsPerPacket),
      verdicts: this.verdicts.report(),
      perClass: this.options.classes.map((c, i) => ({ label: c.label, count: this.perClass[i]! })),
      firstError: this.verdicts.firstError,
      traceLines: this.traceLines,
      lastTrace: this.lastTrace.slice(),
    };
  }

  private keepTrace(): void {
    this.traceLines += this.trace.length;
    this.lastTrace.push(...this.trace.map((line) => line.replace(/\n$/, '')));
    if (this.lastTrace.length > KEPT_TRACE_LINES) this.lastTrace = this.lastTrace.slice(-KEPT_TRACE_LINES);
    this.trace.length = 0;
  }

  private closeBucket(): void {
    const first = this.index - this.bucketPackets;
    this.completed.push({
      index: Math.floor(first / this.bucketSize),
      startNs: Math.round(first * this.nsPerPacket),
      packets: this.bucketPackets,
      verdicts: this.verdicts.takeBucket(),
      mapValues: this.sample === null ? null : this.sample(),
    });
    this.bucketPackets = 0;
  }
}
