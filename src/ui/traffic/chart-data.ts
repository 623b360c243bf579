/**
 * The charts' numbers, from the chart points the runtime reports: verdicts stacked per time
 * bucket, and the chart map's busiest keys as lines. Pure, so it is tested without a DOM.
 */
import type { TrafficBucket } from '../../bpf/traffic';

export interface VerdictColumn {
  readonly index: number;
  readonly startNs: number;
  /** Stacked from the bottom, in the order of `verdictOrder`. */
  readonly parts: readonly { readonly name: string; readonly count: number }[];
  readonly packets: number;
}

/** Verdict names, most frequent first, over all buckets. */
export function verdictOrder(buckets: readonly TrafficBucket[]): string[] {
  const totals = new Map<string, number>();
  for (const b of buckets)
    for (const [name, n] of Object.entries(b.verdicts)) totals.set(name, (totals.get(name) ?? 0) + n);
  return [...totals].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

export function verdictColumns(buckets: readonly TrafficBucket[], order: readonly string[]): VerdictColumn[] {
  return buckets.map((b) => ({
    index: b.index,
    startNs: b.startNs,
    packets: b.packets,
    parts: order.filter((name) => (b.verdicts[name] ?? 0) > 0).map((name) => ({ name, count: b.verdicts[name]! })),
  }));
}

export interface MapLine {
  readonly key: string;
  /** (simulated seconds, value) at each bucket's end. */
  readonly points: readonly (readonly [number, number])[];
  readonly last: number;
}

/**
 * The `limit` keys with the largest latest values, each as a line over the buckets (a key absent
 * from a sample was zero or not yet in the map then).
 */
export function mapLines(buckets: readonly TrafficBucket[], nsPerPacket: number, limit = 6): MapLine[] {
  const sampled = buckets.filter((b) => b.mapValues !== null);
  const last = sampled[sampled.length - 1]?.mapValues ?? {};
  const keys = Object.keys(last)
    .sort((a, b) => last[b]! - last[a]!)
    .slice(0, limit);
  return keys.map((key) => ({
    key,
    last: last[key]!,
    points: sampled.map(
      (b) => [((b.startNs + b.packets * nsPerPacket) / 1e9) as number, b.mapValues![key] ?? 0] as const,
    ),
  }));
}

/** A map key for people: small keys as the little-endian integer a C program would use, else hex. */
export function keyLabel(hex: string): string {
  if (hex.length === 0 || hex.length > 16) return hex;
  let value = 0n;
  for (let i = hex.length - 2; i >= 0; i -= 2) value = (value << 8n) | BigInt(parseInt(hex.slice(i, i + 2), 16));
  return value.toString();
}

/** 1234567 → "1.23M"; for axis labels and legends. */
export function compact(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(abs >= 1e10 ? 1 : 2)}G`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(abs >= 1e7 ? 1 : 2)}M`;
  if (abs >= 1e4) return `${(n / 1e3).toFixed(abs >= 1e5 ? 0 : 1)}k`;
  return String(Math.round(n));
}

const VERDICT_COLORS: readonly [RegExp, string][] = [
  [/^error$/, '#8a90a2'],
  [/ABORTED/, '#d97706'],
  [/DROP|SHOT|^drop$/, '#dc4a52'],
  [/PASS|OK|keep/, '#2f9e63'],
  [/TX/, '#3b82f6'],
  [/REDIRECT/, '#8b5cf6'],
];

export function verdictColor(name: string): string {
  return VERDICT_COLORS.find(([re]) => re.test(name))?.[1] ?? '#0ea5a4';
}

export const LINE_COLORS = ['#5a55e0', '#2f9e63', '#d97706', '#dc4a52', '#0ea5a4', '#a855f7'] as const;
