/** Test frames for the kernel-differential tests: real headers plus seeded random bytes. */

const hex = (s: string): number[] => (s.replace(/\s+/g, '').match(/../g) ?? []).map((b) => parseInt(b, 16));

function frame(...parts: (string | number[])[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? hex(p) : p)));
}

/** Deterministic bytes (xorshift32) so failures reproduce. */
function randomBytes(seed: number, length: number): number[] {
  let x = seed | 0 || 1;
  return Array.from({ length }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
}

const MACS = '020000000002 020000000001';
const IPV4_UDP = '4500 0032 0001 4000 4011 0000 c0a80001 c0a80002';
const IPV4_TCP = '4510 0044 0002 0000 0106 0000 0a000001 0a000002';

export const PACKETS: Record<string, Uint8Array> = {
  'ipv4-udp-dns': frame(MACS, '0800', IPV4_UDP, 'd431 0035 001e 0000', randomBytes(1, 22)),
  'ipv4-tcp-ssh': frame(
    '000000000000 020000000001',
    '0800',
    IPV4_TCP,
    'c350 0016 00000001 00000000 5002 2000 0000 0000',
    randomBytes(2, 28),
  ),
  'ipv4-tcp-http-ttl1': frame(
    MACS,
    '0800',
    IPV4_TCP.replace('0106', '0106'),
    'c350 0050 00000001 00000000 5002 2000 0000 0000',
    randomBytes(3, 12),
  ),
  'ipv6-udp': frame(
    '333300000001 020000000001',
    '86dd',
    '60000000 0010 1140',
    randomBytes(4, 32),
    '1234 0035 0010 0000',
    randomBytes(5, 8),
  ),
  arp: frame('ffffffffffff 020000000001', '0806', '0001 0800 06 04 0001 020000000001 c0a80001 000000000000 c0a80002'),
  'random-64': frame(randomBytes(6, 64)),
  'random-zero-divisors': frame(randomBytes(7, 14), [0, 0, 0, 0, 0, 0], randomBytes(8, 40)),
  'random-negative': frame(
    MACS,
    '0800',
    [0xff, 0xff, 0xff, 0xff, 0x80, 0x00, 0x00, 0x00, 0xf0, 0xff],
    randomBytes(9, 60),
  ),
  'short-20': frame(randomBytes(10, 20)),
};
