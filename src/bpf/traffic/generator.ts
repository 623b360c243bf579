/**
 * The traffic generator: picks each packet's class by weight and varies its fields within the
 * class's ranges, all from one seeded random source, so a seed names one exact packet sequence.
 * Packets are written into one reusable buffer per class (the caller copies what it keeps).
 */
import { FieldWriter } from './headers';
import { SeededRandom } from './random';
import type { IntRange, TrafficClass } from './types';

export class TrafficError extends Error {
  override name = 'TrafficError';
}

interface PreparedClass {
  readonly spec: TrafficClass;
  readonly buffer: Uint8Array;
  readonly writer: FieldWriter;
  /** Upper end of this class's slice of [0, 1). */
  readonly upTo: number;
}

function checkRange(range: IntRange | undefined, max: number, what: string, label: string): void {
  if (range === undefined) return;
  const ok = Number.isInteger(range.lo) && Number.isInteger(range.hi) && 0 <= range.lo && range.lo <= range.hi;
  if (!ok || range.hi > max) throw new TrafficError(`${label}: ${what} range ${range.lo}-${range.hi} is not valid`);
}

function prepare(classes: readonly TrafficClass[]): PreparedClass[] {
  if (classes.length === 0) throw new TrafficError('the traffic mix has no packet classes');
  const total = classes.reduce((sum, c) => sum + c.weight, 0);
  if (!classes.every((c) => Number.isFinite(c.weight) && c.weight >= 0) || !(total > 0))
    throw new TrafficError('traffic mix weights must be non-negative numbers with a positive sum');
  let cumulative = 0;
  return classes.map((spec) => {
    const writer = new FieldWriter(spec.packet);
    const layout = writer.layout;
    if (spec.srcIp !== undefined && layout.l3 !== 'ipv4')
      throw new TrafficError(`${spec.label}: a source address range needs an IPv4 packet`);
    const ported = layout.l4 === 'tcp' || layout.l4 === 'udp';
    if ((spec.srcPort !== undefined || spec.dstPort !== undefined) && !ported)
      throw new TrafficError(`${spec.label}: port ranges need a TCP or UDP packet`);
    checkRange(spec.srcIp, 0xffffffff, 'source address', spec.label);
    checkRange(spec.srcPort, 0xffff, 'source port', spec.label);
    checkRange(spec.dstPort, 0xffff, 'destination port', spec.label);
    cumulative += spec.weight / total;
    return { spec, buffer: spec.packet.slice(), writer, upTo: cumulative };
  });
}

export class TrafficGenerator {
  private readonly classes: PreparedClass[];
  private readonly random: SeededRandom;
  /** The class of the packet the last next() returned (an index into the classes). */
  lastClass = -1;

  constructor(classes: readonly TrafficClass[], seed: number) {
    this.classes = prepare(classes);
    this.random = new SeededRandom(seed);
  }

  /** The next packet: a view that the following call overwrites. */
  next(): Uint8Array {
    const pick = this.random.nextFloat();
    const last = this.classes.length - 1;
    let index = 0;
    while (index < last && pick >= this.classes[index]!.upTo) index++;
    const c = this.classes[index]!;
    this.lastClass = index;
    const { srcIp, srcPort, dstPort } = c.spec;
    if (srcIp !== undefined) c.writer.setIpv4Source(c.buffer, this.random.between(srcIp.lo, srcIp.hi));
    if (srcPort !== undefined) c.writer.setPort(c.buffer, 0, this.random.between(srcPort.lo, srcPort.hi));
    if (dstPort !== undefined) c.writer.setPort(c.buffer, 2, this.random.between(dstPort.lo, dstPort.hi));
    return c.buffer;
  }
}
