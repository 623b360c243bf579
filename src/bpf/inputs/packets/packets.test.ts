import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LAYER_FIELDS,
  PACKET_TEMPLATES,
  buildPacket,
  checkChecksums,
  defaultLayer,
  fieldText,
  formatIpv6,
  internetChecksum,
  parseHex,
  parseIpv6,
  parsePacket,
  setFieldText,
  toHex,
  type Layer,
} from './index';

/**
 * Known-good frames computed by an independent implementation (Python's struct + socket, with its
 * own RFC 1071 sum) for the builder's default field values. Script kept in the test for review:
 *   csum = one's-complement of the folded 16-bit big-endian sum; pseudo-headers per RFC 793/768/8200.
 */
const PYTHON_VECTORS: Record<string, string> = {
  'ipv4-tcp-syn':
    '02000000000202000000000108004500002800014000400626cd0a0000010a0000029c40005000000001000000005002faf0045e0000',
  'ipv4-udp-dns':
    '02000000000202000000000108004500003900014000401126b10a0000010a0000029c40003500256d8a123401000001000000000000076578616d706c6503636f6d0000010001',
  'ipv6-udp':
    '02000000000202000000000186dd6000000000081140fd000000000000000000000000000001fd0000000000000000000000000000029c40003500086964',
  'ipv6-icmpv6-echo':
    '02000000000202000000000186dd6000000000083a40fd000000000000000000000000000001fd000000000000000000000000000002800085b600010001',
  'ipv4-icmp-echo':
    '02000000000202000000000108004500002400014000400126d60a0000010a00000208006668000100016162636465666768',
};

describe('internet checksum', () => {
  it('matches the classic hand-computed IPv4 header vector (0xb861)', () => {
    const header = parseHex('4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7');
    expect(internetChecksum(header)).toBe(0xb861);
    // A header carrying its correct checksum sums to zero.
    expect(internetChecksum(parseHex('4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7'))).toBe(0);
  });
  it('pads an odd trailing byte with zero', () => {
    expect(internetChecksum(Uint8Array.of(0x01))).toBe(~0x0100 & 0xffff);
  });
});

describe('packet builder', () => {
  for (const [id, hex] of Object.entries(PYTHON_VECTORS)) {
    it(`builds ${id} byte-for-byte like the reference implementation`, () => {
      const template = PACKET_TEMPLATES.find((t) => t.id === id);
      expect(template).toBeDefined();
      expect(toHex(buildPacket(template!.spec))).toBe(hex);
    });
  }

  it('round-trips every template: build → parse → same fields → same bytes', () => {
    for (const t of PACKET_TEMPLATES) {
      const bytes = buildPacket(t.spec);
      const parsed = parsePacket(bytes);
      expect(parsed.notes).toEqual([]);
      expect(parsed.layers.map((l) => l.kind)).toEqual(t.spec.layers.map((l) => l.kind));
      parsed.layers.forEach((layer, i) => {
        const original = t.spec.layers[i]!;
        for (const [key, value] of Object.entries(original)) {
          if (value !== null)
            expect((layer as unknown as Record<string, unknown>)[key], `${t.id} ${key}`).toEqual(value);
        }
      });
      expect(toHex(buildPacket({ layers: parsed.layers }))).toBe(toHex(bytes));
      for (const c of checkChecksums(parsed.layers)) expect(c.actual, `${t.id} ${c.kind}`).toBe(c.expected);
    }
  });

  it('keeps a deliberately wrong checksum and reports it', () => {
    const spec = PACKET_TEMPLATES.find((t) => t.id === 'ipv4-tcp-syn')!.spec;
    const layers = spec.layers.map((l) => (l.kind === 'tcp' ? { ...l, checksum: 0x1234 } : l)) as Layer[];
    const parsed = parsePacket(buildPacket({ layers }));
    const tcp = checkChecksums(parsed.layers).find((c) => c.kind === 'tcp');
    expect(tcp).toEqual({ layer: 2, kind: 'tcp', actual: 0x1234, expected: 0x045e });
  });

  it('derives EtherTypes through a VLAN tag and decodes ARP', () => {
    const vlan = toHex(buildPacket(PACKET_TEMPLATES.find((t) => t.id === 'vlan-ipv4-tcp')!.spec));
    expect(vlan.slice(24, 36)).toBe('810000640800');
    const arp = parsePacket(buildPacket(PACKET_TEMPLATES.find((t) => t.id === 'arp-request')!.spec));
    expect(arp.layers[1]).toMatchObject({ kind: 'arp', op: 1, targetIp: '10.0.0.2' });
  });

  it('turns truncated and unknown data into a payload with a note', () => {
    const short = parsePacket(parseHex('020000000002020000000001080045000028'));
    expect(short.layers.map((l) => l.kind)).toEqual(['ethernet', 'payload']);
    expect(short.notes[0]).toMatch(/IPV4 header truncated: 4 of 20/);
  });

  it('explains a missing next protocol instead of guessing', () => {
    expect(() => buildPacket({ layers: [defaultLayer('ethernet')] })).toThrow(/EtherType cannot be derived/);
  });

  it('edits fields from text and rejects bad input with a readable message', () => {
    const ip = defaultLayer('ipv4');
    const ttl = LAYER_FIELDS.ipv4.find((d) => d.key === 'ttl')!;
    expect(setFieldText(ip, ttl, '12').ttl).toBe(12);
    expect(() => setFieldText(ip, ttl, '300')).toThrow(/TTL must be at most 255/);
    const sum = LAYER_FIELDS.ipv4.find((d) => d.key === 'checksum')!;
    expect(setFieldText(ip, sum, '').checksum).toBeNull();
    expect(fieldText(setFieldText(ip, sum, '0xbeef'), sum)).toBe('0xbeef');
    const tcp = defaultLayer('tcp');
    const flags = LAYER_FIELDS.tcp.find((d) => d.key === 'flags')!;
    expect(setFieldText(tcp, flags, 'syn ack').flags).toBe(0x12);
    expect(fieldText({ ...tcp, flags: 0x12 }, flags)).toBe('SYN ACK');
  });

  it('formats IPv6 canonically', () => {
    expect(formatIpv6(parseIpv6('2001:0db8:0000:0000:0000:ff00:0042:8329'))).toBe('2001:db8::ff00:42:8329');
    expect(formatIpv6(parseIpv6('::ffff:10.0.0.1'))).toBe('::ffff:a00:1');
    expect(formatIpv6(parseIpv6('1:0:0:2:0:0:0:3'))).toBe('1:0:0:2::3');
  });

  it('parse ∘ build is the identity on arbitrary bytes behind an Ethernet header', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 120 }),
        fc.constantFrom(0x0800, 0x86dd, 0x0806, 0x8100, 0x1234),
        (tail, type) => {
          const frame = new Uint8Array(14 + tail.length);
          frame[12] = type >> 8;
          frame[13] = type & 0xff;
          frame.set(tail, 14);
          expect(toHex(buildPacket({ layers: parsePacket(frame).layers }))).toBe(toHex(frame));
        },
      ),
      { seed: 6, numRuns: 300 },
    );
  });
});
