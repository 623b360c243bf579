/** Text forms of addresses and byte strings: MAC, IPv4, IPv6 and hex. */
import { PacketError } from './types';

export function parseHex(text: string): Uint8Array {
  const clean = text.replace(/0x/gi, '').replace(/[\s:,-]/g, '');
  if (clean.length % 2 !== 0) throw new PacketError(`hex has an odd number of digits (${clean.length})`);
  if (!/^[0-9a-fA-F]*$/.test(clean)) throw new PacketError('hex may contain only 0-9, a-f, spaces and colons');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function parseMac(text: string): Uint8Array {
  const parts = text.trim().split(/[:-]/);
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p))) {
    throw new PacketError(`"${text}" is not a MAC address (expected aa:bb:cc:dd:ee:ff)`);
  }
  return Uint8Array.from(parts, (p) => parseInt(p, 16));
}

export const formatMac = (b: Uint8Array): string =>
  Array.from(b.subarray(0, 6), (x) => x.toString(16).padStart(2, '0')).join(':');

export function parseIpv4(text: string): Uint8Array {
  const parts = text.trim().split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
    throw new PacketError(`"${text}" is not an IPv4 address (expected a.b.c.d)`);
  }
  return Uint8Array.from(parts, Number);
}

export const formatIpv4 = (b: Uint8Array): string => Array.from(b.subarray(0, 4)).join('.');

export function parseIpv6(text: string): Uint8Array {
  let s = text.trim();
  const bad = () => new PacketError(`"${text}" is not an IPv6 address`);
  const out = new Uint8Array(16);
  // An embedded dotted quad at the end ("::ffff:1.2.3.4") becomes two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted !== null) {
    const v4 = parseIpv4(dotted[1]!);
    s = s.slice(0, dotted.index) + `${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) throw bad();
  const groups = (part: string | undefined): number[] => {
    if (part === undefined || part === '') return [];
    return part.split(':').map((g) => {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw bad();
      return parseInt(g, 16);
    });
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (halves.length === 1 ? head.length !== 8 : head.length + tail.length > 7) throw bad();
  const all = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  all.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  return out;
}

/** RFC 5952 canonical text: lowercase, no leading zeros, longest run (≥2) of zero groups as "::". */
export function formatIpv6(b: Uint8Array): string {
  const g = Array.from({ length: 8 }, (_, i) => (b[i * 2]! << 8) | b[i * 2 + 1]!);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':');
  if (bestStart < 0) return hex(g);
  return `${hex(g.slice(0, bestStart))}::${hex(g.slice(bestStart + bestLen))}`;
}
