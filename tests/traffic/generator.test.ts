/** The traffic generator: seeded determinism, mix proportions, field ranges and valid checksums. */
import { describe, expect, it } from 'vitest';
import { checkChecksums, parsePacket } from '../../src/bpf/inputs/packets';
import { DEFAULT_MIX, parseCidr, parseMix, TrafficError, TrafficGenerator } from '../../src/bpf/traffic';

const take = (g: TrafficGenerator, n: number): string[] =>
  Array.from({ length: n }, () => Buffer.from(g.next()).toString('hex'));

describe('traffic generator', () => {
  it('gives the same packets for the same seed and different ones for another seed', () => {
    const classes = parseMix(DEFAULT_MIX);
    const a = take(new TrafficGenerator(classes, 42), 500);
    expect(take(new TrafficGenerator(classes, 42), 500)).toEqual(a);
    const b = take(new TrafficGenerator(classes, 43), 500);
    expect(b).not.toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(450); // addresses and ports really vary
  });

  it('keeps the mix proportions', () => {
    const g = new TrafficGenerator(parseMix('70 ipv4-tcp-syn, 20 ipv4-udp-dns, 10 ipv4-icmp-echo'), 7);
    const counts = [0, 0, 0];
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      g.next();
      counts[g.lastClass]!++;
    }
    expect(counts[0]! / n).toBeCloseTo(0.7, 2);
    expect(counts[1]! / n).toBeCloseTo(0.2, 2);
    expect(counts[2]! / n).toBeCloseTo(0.1, 2);
  });

  it('a class of weight 0 never appears', () => {
    const g = new TrafficGenerator(parseMix('1 ipv4-tcp-syn, 0 ipv4-udp-dns'), 3);
    for (let i = 0; i < 1000; i++) {
      g.next();
      expect(g.lastClass).toBe(0);
    }
  });

  it('draws addresses and ports from the ranges and keeps every checksum right', () => {
    const mix =
      '1 ipv4-tcp-syn src=192.168.4.0/22 sport=5000-5009 dport=8000-8001, 1 ipv4-udp-dns src=10.9.0.0/16, 1 ipv4-icmp-echo src=172.16.0.0/12';
    const g = new TrafficGenerator(parseMix(mix), 11);
    const seenPorts = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const layers = parsePacket(g.next()).layers;
      for (const check of checkChecksums(layers))
        expect(check.actual, `${check.kind} of packet ${i}`).toBe(check.expected);
      const ip = layers.find((l) => l.kind === 'ipv4');
      if (ip?.kind !== 'ipv4') throw new Error('no IPv4 layer');
      const [a, b, c] = ip.src.split('.').map(Number) as [number, number, number];
      if (g.lastClass === 0) expect([a, b, c >> 2]).toEqual([192, 168, 1]);
      if (g.lastClass === 1) expect([a, b]).toEqual([10, 9]);
      if (g.lastClass === 2) expect([a, b >> 4]).toEqual([172, 1]);
      const tcp = layers.find((l) => l.kind === 'tcp');
      if (tcp?.kind === 'tcp') {
        expect(tcp.srcPort).toBeGreaterThanOrEqual(5000);
        expect(tcp.srcPort).toBeLessThanOrEqual(5009);
        expect([8000, 8001]).toContain(tcp.dstPort);
        seenPorts.add(tcp.srcPort);
      }
    }
    expect(seenPorts.size).toBe(10);
  });

  it('keeps checksums right behind a VLAN tag and over IPv6', () => {
    const g = new TrafficGenerator(parseMix('1 vlan-ipv4-tcp src=10.0.0.0/8 sport=1-65535, 1 ipv6-udp sport=1-65535 dport=1-9'), 2); // prettier-ignore
    for (let i = 0; i < 200; i++) {
      const layers = parsePacket(g.next()).layers;
      const checks = checkChecksums(layers);
      expect(checks.length).toBeGreaterThan(0);
      for (const check of checks) expect(check.actual, `${check.kind} of packet ${i}`).toBe(check.expected);
    }
  });

  it('says what is wrong with a mix', () => {
    expect(() => parseMix('50 no-such-preset')).toThrow(/no packet preset 'no-such-preset'/);
    expect(() => parseMix('50 ipv4-icmp-echo sport=1-2')).not.toThrow();
    expect(() => new TrafficGenerator(parseMix('50 ipv4-icmp-echo sport=1-2'), 1)).toThrow(/port ranges need/);
    expect(() => parseMix('50 ipv4-tcp-syn sport=9-3')).toThrow(TrafficError);
    expect(() => parseMix('x ipv4-tcp-syn')).toThrow(/expected "WEIGHT PRESET/);
    expect(() => new TrafficGenerator(parseMix('0 ipv4-tcp-syn'), 1)).toThrow(/positive sum/);
    expect(() => new TrafficGenerator(parseMix('1 ipv6-udp src=10.0.0.0/8'), 1)).toThrow(/needs an IPv4 packet/);
  });

  it('reads CIDR blocks', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ lo: 0x0a000000, hi: 0x0a00ffff });
    expect(parseCidr('10.1.2.3/24')).toEqual({ lo: 0x0a010200, hi: 0x0a0102ff });
    expect(parseCidr('255.255.255.255')).toEqual({ lo: 0xffffffff, hi: 0xffffffff });
    expect(parseCidr('0.0.0.0/0')).toEqual({ lo: 0, hi: 0xffffffff });
  });
});
