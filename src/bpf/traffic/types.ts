/** The shapes of a traffic run: what it sends, and what it reports while and after it runs. */

/** Inclusive range of integers (ports), or of IPv4 addresses as unsigned 32-bit numbers. */
export interface IntRange {
  readonly lo: number;
  readonly hi: number;
}

/** One class of a traffic mix: a template packet, its share, and the fields that vary per packet. */
export interface TrafficClass {
  /** What the page and the CLI call it: a preset id ("ipv4-tcp-syn") or "packet 2". */
  readonly label: string;
  /** The template (an Ethernet frame); each generated packet is a copy with the varied fields set. */
  readonly packet: Uint8Array;
  /** Relative share (any positive number; 70/20/10 or 0.7/0.2/0.1 mean the same). */
  readonly weight: number;
  /** IPv4 source addresses drawn from this range (IPv4 templates only). */
  readonly srcIp?: IntRange;
  /** TCP/UDP source ports drawn from this range. */
  readonly srcPort?: IntRange;
  /** TCP/UDP destination ports drawn from this range. */
  readonly dstPort?: IntRange;
}

export interface TrafficOptions {
  readonly packets: number;
  /** Nominal rate in packets per simulated second: packet i arrives i/rate seconds after the start. */
  readonly ratePps: number;
  readonly classes: readonly TrafficClass[];
  readonly seed: number;
  /** A map whose values are sampled at every bucket's end for a chart; null for none. */
  readonly chartMap: string | null;
  /** Points on the time axis of the charts (default 120). */
  readonly buckets?: number;
}

/** One point on the charts' time axis: what happened to the packets that arrived in it. */
export interface TrafficBucket {
  readonly index: number;
  /** Simulated time since the run's start at which the bucket's first packet arrived, ns. */
  readonly startNs: number;
  readonly packets: number;
  /** Verdict name → packets. */
  readonly verdicts: Readonly<Record<string, number>>;
  /** The chart map's non-zero values at the bucket's end: key (hex) → value; null without a chart map. */
  readonly mapValues: Readonly<Record<string, number>> | null;
}

export interface VerdictTotal {
  /** "XDP_PASS", "TC_ACT_SHOT", "keep 60 bytes", or "error" for runs that failed. */
  readonly name: string;
  /** The return value; null for failed runs. */
  readonly retval: number | null;
  readonly count: number;
}

export interface TrafficTotals {
  readonly done: number;
  readonly total: number;
  /** Simulated time covered so far, ns. */
  readonly simulatedNs: number;
  readonly verdicts: readonly VerdictTotal[];
  /** Packets per class, in the order of the classes. */
  readonly perClass: readonly { readonly label: string; readonly count: number }[];
  /** The first failure's message (faults, refused packets), if any. */
  readonly firstError: string | null;
  /** trace_pipe lines written in all, and the last few of them. */
  readonly traceLines: number;
  readonly lastTrace: readonly string[];
}
