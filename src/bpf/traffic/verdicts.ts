/**
 * Verdict counting for a traffic run: in total and per chart bucket. The hot path is one Map lookup
 * by return value and two array increments; names ("XDP_PASS", "keep 60 bytes") are made once per
 * distinct return value, and return values that share a name are merged when reported.
 */
import type { PacketProgramType } from '../programs';
import { describeRetval, type RunFailure } from '../session';
import type { VerdictTotal } from './types';

/** The key of failed runs (return values are u32, never negative). */
const FAILED = -1;

export class VerdictCounter {
  private readonly slotOf = new Map<number, number>();
  private readonly names: string[] = [];
  private readonly retvals: (number | null)[] = [];
  private readonly totals: number[] = [];
  private readonly inBucket: number[] = [];
  /** The first failure's message. */
  firstError: string | null = null;

  constructor(private readonly type: PacketProgramType | null) {}

  count(result: number | RunFailure): void {
    const key = typeof result === 'number' ? result : FAILED;
    let slot = this.slotOf.get(key);
    if (slot === undefined) slot = this.addSlot(key);
    if (key === FAILED) this.firstError ??= (result as RunFailure).error;
    this.totals[slot]!++;
    this.inBucket[slot]!++;
  }

  /** Verdict name → packets since the last call. */
  takeBucket(): Record<string, number> {
    const out: Record<string, number> = {};
    this.inBucket.forEach((n, slot) => {
      if (n > 0) out[this.names[slot]!] = (out[this.names[slot]!] ?? 0) + n;
    });
    this.inBucket.fill(0);
    return out;
  }

  /** Totals by name, most frequent first. */
  report(): VerdictTotal[] {
    const byName = new Map<string, VerdictTotal>();
    this.totals.forEach((count, slot) => {
      const name = this.names[slot]!;
      const seen = byName.get(name);
      byName.set(name, seen === undefined ? { name, retval: this.retvals[slot]!, count } : { ...seen, count: seen.count + count }); // prettier-ignore
    });
    return [...byName.values()].sort((a, b) => b.count - a.count);
  }

  private addSlot(key: number): number {
    const slot = this.names.length;
    this.slotOf.set(key, slot);
    this.names.push(key === FAILED ? 'error' : describeRetval(this.type, key));
    this.retvals.push(key === FAILED ? null : key);
    this.totals.push(0);
    this.inBucket.push(0);
    return slot;
  }
}
