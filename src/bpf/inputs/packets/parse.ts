/**
 * Bytes → layers. Every field comes back explicit (never null), so buildPacket(parsePacket(b))
 * reproduces b exactly. What cannot be decoded (unknown protocols, fragments, truncated headers)
 * becomes a payload layer, with a note saying why.
 */
import { formatIpv4, formatIpv6, formatMac, toHex } from './addr';
import type { Layer } from './types';

export interface ParsedPacket {
  layers: Layer[];
  /** Human notes about what was not decoded, e.g. "TCP header truncated: 12 of 20 bytes". */
  notes: string[];
}

type Next = 'ethernet' | 'vlan' | 'ipv4' | 'ipv6' | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'arp' | 'payload';

const byEtherType = (t: number): Next =>
  t === 0x8100 || t === 0x88a8
    ? 'vlan'
    : t === 0x0800
      ? 'ipv4'
      : t === 0x86dd
        ? 'ipv6'
        : t === 0x0806
          ? 'arp'
          : 'payload';

const byIpProto = (p: number, v6: boolean): Next =>
  p === 6
    ? 'tcp'
    : p === 17
      ? 'udp'
      : p === 1 && !v6
        ? 'icmp'
        : p === 58 && v6
          ? 'icmpv6'
          : p === 4
            ? 'ipv4'
            : p === 41
              ? 'ipv6'
              : 'payload';

const MIN_HEADER: Record<Exclude<Next, 'payload'>, number> = {
  ethernet: 14,
  vlan: 4,
  ipv4: 20,
  ipv6: 40,
  tcp: 20,
  udp: 8,
  icmp: 8,
  icmpv6: 8,
  arp: 28,
};

/** Parses a frame starting at `first` (Ethernet for XDP/TC; 'ipv4'/'ipv6' for L3 program types). */
export function parsePacket(bytes: Uint8Array, first: Next = 'ethernet'): ParsedPacket {
  const layers: Layer[] = [];
  const notes: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let next: Next = first;
  const slice = (from: number, to: number) => bytes.subarray(from, to);

  while (at < bytes.length) {
    const left = bytes.length - at;
    if (next !== 'payload' && left < MIN_HEADER[next]) {
      notes.push(`${next.toUpperCase()} header truncated: ${left} of ${MIN_HEADER[next]} bytes`);
      next = 'payload';
    }
    switch (next) {
      case 'ethernet': {
        const etherType = view.getUint16(at + 12);
        layers.push({
          kind: 'ethernet',
          dst: formatMac(slice(at, at + 6)),
          src: formatMac(slice(at + 6, at + 12)),
          etherType,
        });
        at += 14;
        next = byEtherType(etherType);
        break;
      }
      case 'vlan': {
        const tci = view.getUint16(at);
        const etherType = view.getUint16(at + 2);
        layers.push({ kind: 'vlan', pcp: tci >> 13, dei: (tci >> 12) & 1, vid: tci & 0xfff, etherType });
        at += 4;
        next = byEtherType(etherType);
        break;
      }
      case 'ipv4': {
        const vihl = view.getUint8(at);
        const hl = (vihl & 0xf) * 4;
        if (vihl >> 4 !== 4 || hl < 20 || hl > left) {
          notes.push(`not a decodable IPv4 header (version ${vihl >> 4}, header length ${hl})`);
          next = 'payload';
          break;
        }
        const fragWord = view.getUint16(at + 6);
        const protocol = view.getUint8(at + 9);
        layers.push({
          kind: 'ipv4',
          tos: view.getUint8(at + 1),
          totalLength: view.getUint16(at + 2),
          id: view.getUint16(at + 4),
          flags: fragWord >> 13,
          fragOffset: fragWord & 0x1fff,
          ttl: view.getUint8(at + 8),
          protocol,
          checksum: view.getUint16(at + 10),
          src: formatIpv4(slice(at + 12, at + 16)),
          dst: formatIpv4(slice(at + 16, at + 20)),
          options: toHex(slice(at + 20, at + hl)),
        });
        at += hl;
        next = byIpProto(protocol, false);
        if ((fragWord & 0x1fff) !== 0 && next !== 'payload') {
          notes.push('IPv4 fragment with a non-zero offset: its payload is not a transport header');
          next = 'payload';
        }
        break;
      }
      case 'ipv6': {
        const word = view.getUint32(at);
        if (word >>> 28 !== 6) {
          notes.push(`not an IPv6 header (version ${word >>> 28})`);
          next = 'payload';
          break;
        }
        const nextHeader = view.getUint8(at + 6);
        layers.push({
          kind: 'ipv6',
          trafficClass: (word >>> 20) & 0xff,
          flowLabel: word & 0xfffff,
          payloadLength: view.getUint16(at + 4),
          nextHeader,
          hopLimit: view.getUint8(at + 7),
          src: formatIpv6(slice(at + 8, at + 24)),
          dst: formatIpv6(slice(at + 24, at + 40)),
        });
        at += 40;
        next = byIpProto(nextHeader, true);
        break;
      }
      case 'tcp': {
        const word = view.getUint16(at + 12);
        const hl = (word >> 12) * 4;
        if (hl < 20 || hl > left) {
          notes.push(`TCP data offset ${hl} bytes does not fit the ${left} bytes left`);
          next = 'payload';
          break;
        }
        layers.push({
          kind: 'tcp',
          srcPort: view.getUint16(at),
          dstPort: view.getUint16(at + 2),
          seq: view.getUint32(at + 4),
          ack: view.getUint32(at + 8),
          flags: word & 0xfff,
          window: view.getUint16(at + 14),
          checksum: view.getUint16(at + 16),
          urgent: view.getUint16(at + 18),
          options: toHex(slice(at + 20, at + hl)),
        });
        at += hl;
        next = 'payload';
        break;
      }
      case 'udp':
        layers.push({
          kind: 'udp',
          srcPort: view.getUint16(at),
          dstPort: view.getUint16(at + 2),
          length: view.getUint16(at + 4),
          checksum: view.getUint16(at + 6),
        });
        at += 8;
        next = 'payload';
        break;
      case 'icmp':
      case 'icmpv6':
        layers.push({
          kind: next,
          type: view.getUint8(at),
          code: view.getUint8(at + 1),
          checksum: view.getUint16(at + 2),
          id: view.getUint16(at + 4),
          seq: view.getUint16(at + 6),
        });
        at += 8;
        next = 'payload';
        break;
      case 'arp': {
        const ok =
          view.getUint16(at) === 1 &&
          view.getUint16(at + 2) === 0x0800 &&
          view.getUint8(at + 4) === 6 &&
          view.getUint8(at + 5) === 4;
        if (!ok) {
          notes.push('ARP for a hardware/protocol pair other than Ethernet/IPv4');
          next = 'payload';
          break;
        }
        layers.push({
          kind: 'arp',
          op: view.getUint16(at + 6),
          senderMac: formatMac(slice(at + 8, at + 14)),
          senderIp: formatIpv4(slice(at + 14, at + 18)),
          targetMac: formatMac(slice(at + 18, at + 24)),
          targetIp: formatIpv4(slice(at + 24, at + 28)),
        });
        at += 28;
        next = 'payload';
        break;
      }
      case 'payload':
        layers.push({ kind: 'payload', hex: toHex(slice(at, bytes.length)) });
        at = bytes.length;
        break;
    }
  }
  return { layers, notes };
}
