/** Layers → bytes. Lengths, next-protocol numbers and checksums left null are computed here. */
import { parseHex, parseIpv4, parseIpv6, parseMac } from './addr';
import { finish, internetChecksum, ipv4PseudoSum, ipv6PseudoSum, onesSum } from './checksum';
import type { Ipv4Layer, Ipv6Layer, Layer, LayerKind, PacketSpec } from './types';
import { PacketError } from './types';

export const ETHERTYPE: Partial<Record<LayerKind, number>> = { ipv4: 0x0800, ipv6: 0x86dd, arp: 0x0806, vlan: 0x8100 };
export const IPPROTO: Partial<Record<LayerKind, number>> = {
  icmp: 1,
  ipv4: 4,
  tcp: 6,
  udp: 17,
  ipv6: 41,
  icmpv6: 58,
};

const u8 = (v: number, what: string): number => checkRange(v, 0xff, what);
const u16 = (v: number, what: string): number => checkRange(v, 0xffff, what);
function checkRange(v: number, max: number, what: string): number {
  if (!Number.isInteger(v) || v < 0 || v > max) throw new PacketError(`${what} must be an integer 0..${max}, got ${v}`);
  return v;
}

class Writer {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u8(at: number, v: number) {
    this.view.setUint8(at, v);
  }
  u16(at: number, v: number) {
    this.view.setUint16(at, v);
  }
  u32(at: number, v: number) {
    this.view.setUint32(at, v >>> 0);
  }
  put(at: number, b: Uint8Array) {
    this.bytes.set(b, at);
  }
}

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

function nextNumber(table: Partial<Record<LayerKind, number>>, next: Layer | undefined, what: string): number {
  const n = next === undefined ? undefined : table[next.kind];
  if (n === undefined) {
    throw new PacketError(`${what} cannot be derived from ${next === undefined ? 'nothing' : next.kind}: set it`);
  }
  return n;
}

/** The innermost IP layer enclosing each layer index (for transport checksums). */
function enclosingIp(layers: readonly Layer[]): (Ipv4Layer | Ipv6Layer | null)[] {
  let current: Ipv4Layer | Ipv6Layer | null = null;
  return layers.map((l) => {
    const enclosing = current;
    if (l.kind === 'ipv4' || l.kind === 'ipv6') current = l;
    return enclosing;
  });
}

function l4Checksum(ip: Ipv4Layer | Ipv6Layer | null, protocol: number, segment: Uint8Array, kind: string): number {
  if (ip === null) throw new PacketError(`${kind} needs an enclosing IPv4 or IPv6 layer to compute its checksum`);
  const pseudo =
    ip.kind === 'ipv4'
      ? ipv4PseudoSum(parseIpv4(ip.src), parseIpv4(ip.dst), protocol, segment.length)
      : ipv6PseudoSum(parseIpv6(ip.src), parseIpv6(ip.dst), protocol, segment.length);
  return finish(onesSum(segment, pseudo));
}

function buildLayer(layer: Layer, next: Layer | undefined, ip: Ipv4Layer | Ipv6Layer | null, rest: Uint8Array) {
  switch (layer.kind) {
    case 'ethernet': {
      const w = new Writer(14);
      w.put(0, parseMac(layer.dst));
      w.put(6, parseMac(layer.src));
      w.u16(12, u16(layer.etherType ?? nextNumber(ETHERTYPE, next, 'EtherType'), 'EtherType'));
      return concat(w.bytes, rest);
    }
    case 'vlan': {
      const w = new Writer(4);
      const tci = (checkRange(layer.pcp, 7, 'PCP') << 13) | (checkRange(layer.dei, 1, 'DEI') << 12);
      w.u16(0, tci | checkRange(layer.vid, 0xfff, 'VLAN id'));
      w.u16(2, u16(layer.etherType ?? nextNumber(ETHERTYPE, next, 'EtherType'), 'EtherType'));
      return concat(w.bytes, rest);
    }
    case 'ipv4': {
      const options = parseHex(layer.options);
      if (options.length % 4 !== 0 || options.length > 40) {
        throw new PacketError('IPv4 options must be a multiple of 4 bytes, at most 40');
      }
      const hl = 20 + options.length;
      const w = new Writer(hl);
      w.u8(0, 0x40 | (hl / 4));
      w.u8(1, u8(layer.tos, 'TOS'));
      w.u16(2, u16(layer.totalLength ?? hl + rest.length, 'total length'));
      w.u16(4, u16(layer.id, 'identification'));
      w.u16(6, (checkRange(layer.flags, 7, 'flags') << 13) | checkRange(layer.fragOffset, 0x1fff, 'fragment offset'));
      w.u8(8, u8(layer.ttl, 'TTL'));
      w.u8(9, u8(layer.protocol ?? nextNumber(IPPROTO, next, 'IPv4 protocol'), 'protocol'));
      w.put(12, parseIpv4(layer.src));
      w.put(16, parseIpv4(layer.dst));
      w.put(20, options);
      w.u16(10, layer.checksum ?? internetChecksum(w.bytes));
      if (layer.checksum !== null) u16(layer.checksum, 'checksum');
      return concat(w.bytes, rest);
    }
    case 'ipv6': {
      const w = new Writer(40);
      w.u32(
        0,
        (6 * 2 ** 28 + checkRange(layer.trafficClass, 0xff, 'traffic class') * 2 ** 20) |
          checkRange(layer.flowLabel, 0xfffff, 'flow label'),
      );
      w.u16(4, u16(layer.payloadLength ?? rest.length, 'payload length'));
      w.u8(6, u8(layer.nextHeader ?? nextNumber(IPPROTO, next, 'IPv6 next header'), 'next header'));
      w.u8(7, u8(layer.hopLimit, 'hop limit'));
      w.put(8, parseIpv6(layer.src));
      w.put(24, parseIpv6(layer.dst));
      return concat(w.bytes, rest);
    }
    case 'tcp': {
      const options = parseHex(layer.options);
      if (options.length % 4 !== 0 || options.length > 40) {
        throw new PacketError('TCP options must be a multiple of 4 bytes, at most 40');
      }
      const hl = 20 + options.length;
      const w = new Writer(hl);
      w.u16(0, u16(layer.srcPort, 'source port'));
      w.u16(2, u16(layer.dstPort, 'destination port'));
      w.u32(4, checkRange(layer.seq, 0xffffffff, 'sequence number'));
      w.u32(8, checkRange(layer.ack, 0xffffffff, 'acknowledgment number'));
      w.u16(12, ((hl / 4) << 12) | checkRange(layer.flags, 0xfff, 'flags'));
      w.u16(14, u16(layer.window, 'window'));
      w.u16(18, u16(layer.urgent, 'urgent pointer'));
      w.put(20, options);
      const segment = concat(w.bytes, rest);
      const sum = layer.checksum ?? l4Checksum(ip, 6, segment, 'TCP');
      new DataView(segment.buffer).setUint16(16, u16(sum, 'checksum'));
      return segment;
    }
    case 'udp': {
      const w = new Writer(8);
      w.u16(0, u16(layer.srcPort, 'source port'));
      w.u16(2, u16(layer.dstPort, 'destination port'));
      w.u16(4, u16(layer.length ?? 8 + rest.length, 'length'));
      const segment = concat(w.bytes, rest);
      let sum = layer.checksum;
      if (sum === null) {
        sum = l4Checksum(ip, 17, segment, 'UDP');
        if (sum === 0) sum = 0xffff; // RFC 768: a computed zero is sent as all ones
      }
      new DataView(segment.buffer).setUint16(6, u16(sum, 'checksum'));
      return segment;
    }
    case 'icmp':
    case 'icmpv6': {
      const w = new Writer(8);
      w.u8(0, u8(layer.type, 'type'));
      w.u8(1, u8(layer.code, 'code'));
      w.u16(4, u16(layer.id, 'identifier'));
      w.u16(6, u16(layer.seq, 'sequence'));
      const message = concat(w.bytes, rest);
      const sum =
        layer.checksum ?? (layer.kind === 'icmp' ? internetChecksum(message) : l4Checksum(ip, 58, message, 'ICMPv6'));
      new DataView(message.buffer).setUint16(2, u16(sum, 'checksum'));
      return message;
    }
    case 'arp': {
      const w = new Writer(28);
      w.u16(0, 1); // Ethernet
      w.u16(2, 0x0800); // IPv4
      w.u8(4, 6);
      w.u8(5, 4);
      w.u16(6, u16(layer.op, 'operation'));
      w.put(8, parseMac(layer.senderMac));
      w.put(14, parseIpv4(layer.senderIp));
      w.put(18, parseMac(layer.targetMac));
      w.put(24, parseIpv4(layer.targetIp));
      return concat(w.bytes, rest);
    }
    case 'payload':
      return concat(parseHex(layer.hex), rest);
  }
}

/** Builds the packet's bytes, innermost layer first so that lengths and checksums see their payload. */
export function buildPacket(spec: PacketSpec): Uint8Array {
  const ips = enclosingIp(spec.layers);
  let bytes: Uint8Array = new Uint8Array(0);
  for (let i = spec.layers.length - 1; i >= 0; i--) {
    bytes = buildLayer(spec.layers[i]!, spec.layers[i + 1], ips[i] ?? null, bytes);
  }
  return bytes;
}
