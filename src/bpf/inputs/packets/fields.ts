/**
 * What the packet builder lets a person edit: one descriptor per field, text in and text out,
 * plus layer defaults, ready-made packets and a one-line description of each layer.
 */
import { formatIpv6, parseHex, parseIpv4, parseIpv6, parseMac, toHex } from './addr';
import { buildPacket } from './build';
import { parsePacket } from './parse';
import type { Layer, LayerKind, LayerOf, PacketSpec } from './types';
import { PacketError } from './types';

export type FieldFormat = 'dec' | 'hex' | 'mac' | 'ipv4' | 'ipv6' | 'bytes' | 'tcpflags';

export interface FieldDesc {
  readonly key: string;
  readonly label: string;
  readonly format: FieldFormat;
  /** Largest value for numeric formats. */
  readonly max?: number;
  /** The field may be left empty to have the builder compute it. */
  readonly auto?: boolean;
  readonly help: string;
}

const f = (
  key: string,
  label: string,
  format: FieldFormat,
  help: string,
  extra: Partial<FieldDesc> = {},
): FieldDesc => ({
  key,
  label,
  format,
  help,
  ...extra,
});

export const LAYER_TITLES: Record<LayerKind, string> = {
  ethernet: 'Ethernet',
  vlan: '802.1Q VLAN',
  ipv4: 'IPv4',
  ipv6: 'IPv6',
  tcp: 'TCP',
  udp: 'UDP',
  icmp: 'ICMP',
  icmpv6: 'ICMPv6',
  arp: 'ARP',
  payload: 'Payload',
};

export const LAYER_FIELDS: Record<LayerKind, readonly FieldDesc[]> = {
  ethernet: [
    f('dst', 'Destination', 'mac', 'Destination MAC address'),
    f('src', 'Source', 'mac', 'Source MAC address'),
    f('etherType', 'EtherType', 'hex', 'Protocol of the next header', { max: 0xffff, auto: true }),
  ],
  vlan: [
    f('vid', 'VLAN id', 'dec', '12-bit VLAN identifier', { max: 0xfff }),
    f('pcp', 'Priority', 'dec', 'Priority code point (0-7)', { max: 7 }),
    f('dei', 'DEI', 'dec', 'Drop eligible indicator (0 or 1)', { max: 1 }),
    f('etherType', 'EtherType', 'hex', 'Protocol of the inner header', { max: 0xffff, auto: true }),
  ],
  ipv4: [
    f('src', 'Source', 'ipv4', 'Source address'),
    f('dst', 'Destination', 'ipv4', 'Destination address'),
    f('ttl', 'TTL', 'dec', 'Time to live', { max: 0xff }),
    f('protocol', 'Protocol', 'dec', '1 ICMP, 6 TCP, 17 UDP', { max: 0xff, auto: true }),
    f('tos', 'TOS', 'hex', 'DSCP (6 bits) and ECN (2 bits)', { max: 0xff }),
    f('id', 'Identification', 'dec', 'Fragment identification', { max: 0xffff }),
    f('flags', 'Flags', 'dec', '2 = don’t fragment, 1 = more fragments', { max: 7 }),
    f('fragOffset', 'Fragment offset', 'dec', 'In units of 8 bytes', { max: 0x1fff }),
    f('totalLength', 'Total length', 'dec', 'Header plus payload, in bytes', { max: 0xffff, auto: true }),
    f('checksum', 'Checksum', 'hex', 'Header checksum', { max: 0xffff, auto: true }),
    f('options', 'Options', 'bytes', 'Raw options, a multiple of 4 bytes'),
  ],
  ipv6: [
    f('src', 'Source', 'ipv6', 'Source address'),
    f('dst', 'Destination', 'ipv6', 'Destination address'),
    f('hopLimit', 'Hop limit', 'dec', 'Decremented by each router', { max: 0xff }),
    f('nextHeader', 'Next header', 'dec', '6 TCP, 17 UDP, 58 ICMPv6', { max: 0xff, auto: true }),
    f('trafficClass', 'Traffic class', 'hex', 'DSCP and ECN', { max: 0xff }),
    f('flowLabel', 'Flow label', 'hex', '20-bit flow label', { max: 0xfffff }),
    f('payloadLength', 'Payload length', 'dec', 'Bytes after this header', { max: 0xffff, auto: true }),
  ],
  tcp: [
    f('srcPort', 'Source port', 'dec', 'Source port', { max: 0xffff }),
    f('dstPort', 'Destination port', 'dec', 'Destination port', { max: 0xffff }),
    f('flags', 'Flags', 'tcpflags', 'Names such as SYN ACK, or a hex number', { max: 0xfff }),
    f('seq', 'Sequence', 'dec', 'Sequence number', { max: 0xffffffff }),
    f('ack', 'Acknowledgment', 'dec', 'Acknowledgment number', { max: 0xffffffff }),
    f('window', 'Window', 'dec', 'Receive window', { max: 0xffff }),
    f('urgent', 'Urgent pointer', 'dec', 'Urgent pointer', { max: 0xffff }),
    f('checksum', 'Checksum', 'hex', 'Over the pseudo-header and segment', { max: 0xffff, auto: true }),
    f('options', 'Options', 'bytes', 'Raw options, a multiple of 4 bytes'),
  ],
  udp: [
    f('srcPort', 'Source port', 'dec', 'Source port', { max: 0xffff }),
    f('dstPort', 'Destination port', 'dec', 'Destination port', { max: 0xffff }),
    f('length', 'Length', 'dec', 'Header plus payload, in bytes', { max: 0xffff, auto: true }),
    f('checksum', 'Checksum', 'hex', 'Over the pseudo-header and datagram', { max: 0xffff, auto: true }),
  ],
  icmp: [
    f('type', 'Type', 'dec', '8 echo request, 0 echo reply, 3 unreachable', { max: 0xff }),
    f('code', 'Code', 'dec', 'Meaning depends on the type', { max: 0xff }),
    f('id', 'Identifier', 'dec', 'Echo identifier', { max: 0xffff }),
    f('seq', 'Sequence', 'dec', 'Echo sequence number', { max: 0xffff }),
    f('checksum', 'Checksum', 'hex', 'Over the ICMP message', { max: 0xffff, auto: true }),
  ],
  icmpv6: [
    f('type', 'Type', 'dec', '128 echo request, 129 echo reply', { max: 0xff }),
    f('code', 'Code', 'dec', 'Meaning depends on the type', { max: 0xff }),
    f('id', 'Identifier', 'dec', 'Echo identifier', { max: 0xffff }),
    f('seq', 'Sequence', 'dec', 'Echo sequence number', { max: 0xffff }),
    f('checksum', 'Checksum', 'hex', 'Over the pseudo-header and message', { max: 0xffff, auto: true }),
  ],
  arp: [
    f('op', 'Operation', 'dec', '1 request, 2 reply', { max: 0xffff }),
    f('senderMac', 'Sender MAC', 'mac', 'Sender hardware address'),
    f('senderIp', 'Sender IP', 'ipv4', 'Sender protocol address'),
    f('targetMac', 'Target MAC', 'mac', 'Target hardware address'),
    f('targetIp', 'Target IP', 'ipv4', 'Target protocol address'),
  ],
  payload: [f('hex', 'Bytes', 'bytes', 'Raw bytes in hex')],
};

export const TCP_FLAG_NAMES = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR', 'NS'] as const;

export function formatTcpFlags(flags: number): string {
  const names = TCP_FLAG_NAMES.filter((_, i) => (flags >> i) & 1);
  const reserved = flags & 0xe00;
  return [...names, ...(reserved !== 0 ? [`0x${reserved.toString(16)}`] : [])].join(' ');
}

export function parseTcpFlags(text: string): number {
  let flags = 0;
  for (const word of text
    .trim()
    .toUpperCase()
    .split(/[\s,|+]+/)
    .filter(Boolean)) {
    const i = TCP_FLAG_NAMES.indexOf(word as (typeof TCP_FLAG_NAMES)[number]);
    if (i >= 0) flags |= 1 << i;
    else if (/^(0X)?[0-9A-F]+$/.test(word)) flags |= parseInt(word.replace(/^0X/, ''), 16);
    else throw new PacketError(`"${word}" is not a TCP flag (${TCP_FLAG_NAMES.join(', ')})`);
  }
  if (flags > 0xfff) throw new PacketError('TCP flags fit in 12 bits');
  return flags;
}

const fieldsOf = (layer: Layer): Record<string, unknown> => layer as unknown as Record<string, unknown>;

/** The text shown in the field's input; '' for a computed (auto) field. */
export function fieldText(layer: Layer, desc: FieldDesc): string {
  const v = fieldsOf(layer)[desc.key];
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v !== 'number') return String(v);
  switch (desc.format) {
    case 'hex':
      return `0x${v.toString(16).padStart(desc.max !== undefined && desc.max > 0xff ? 4 : 2, '0')}`;
    case 'tcpflags':
      return formatTcpFlags(v);
    default:
      return String(v);
  }
}

function parseNumber(text: string, desc: FieldDesc): number {
  const t = text.trim().toLowerCase();
  const n = /^0x[0-9a-f]+$/.test(t)
    ? parseInt(t.slice(2), 16)
    : /^\d+$/.test(t)
      ? Number(t)
      : desc.format === 'hex' && /^[0-9a-f]+$/.test(t)
        ? parseInt(t, 16)
        : NaN;
  if (Number.isNaN(n)) throw new PacketError(`${desc.label}: "${text}" is not a number`);
  if (desc.max !== undefined && n > desc.max) throw new PacketError(`${desc.label} must be at most ${desc.max}`);
  return n;
}

/** A copy of the layer with one field set from text; throws PacketError with a readable message. */
export function setFieldText<L extends Layer>(layer: L, desc: FieldDesc, text: string): L {
  let value: unknown;
  if (text.trim() === '' && desc.auto === true) value = null;
  else {
    switch (desc.format) {
      case 'dec':
      case 'hex':
        value = parseNumber(text, desc);
        break;
      case 'tcpflags':
        value = parseTcpFlags(text);
        break;
      case 'mac':
        parseMac(text);
        value = text.trim().toLowerCase();
        break;
      case 'ipv4':
        parseIpv4(text);
        value = text.trim();
        break;
      case 'ipv6':
        value = formatIpv6(parseIpv6(text));
        break;
      case 'bytes':
        value = toHex(parseHex(text));
        break;
    }
  }
  return { ...layer, [desc.key]: value };
}

export function defaultLayer<K extends LayerKind>(kind: K): LayerOf<K> {
  const layers: { [P in LayerKind]: LayerOf<P> } = {
    ethernet: { kind: 'ethernet', dst: '02:00:00:00:00:02', src: '02:00:00:00:00:01', etherType: null },
    vlan: { kind: 'vlan', pcp: 0, dei: 0, vid: 100, etherType: null },
    ipv4: {
      kind: 'ipv4',
      tos: 0,
      id: 1,
      flags: 2,
      fragOffset: 0,
      ttl: 64,
      protocol: null,
      src: '10.0.0.1',
      dst: '10.0.0.2',
      options: '',
      totalLength: null,
      checksum: null,
    },
    ipv6: {
      kind: 'ipv6',
      trafficClass: 0,
      flowLabel: 0,
      nextHeader: null,
      hopLimit: 64,
      src: 'fd00::1',
      dst: 'fd00::2',
      payloadLength: null,
    },
    tcp: {
      kind: 'tcp',
      srcPort: 40000,
      dstPort: 80,
      seq: 1,
      ack: 0,
      flags: 0x002,
      window: 64240,
      urgent: 0,
      options: '',
      checksum: null,
    },
    udp: { kind: 'udp', srcPort: 40000, dstPort: 53, length: null, checksum: null },
    icmp: { kind: 'icmp', type: 8, code: 0, id: 1, seq: 1, checksum: null },
    icmpv6: { kind: 'icmpv6', type: 128, code: 0, id: 1, seq: 1, checksum: null },
    arp: {
      kind: 'arp',
      op: 1,
      senderMac: '02:00:00:00:00:01',
      senderIp: '10.0.0.1',
      targetMac: '00:00:00:00:00:00',
      targetIp: '10.0.0.2',
    },
    payload: { kind: 'payload', hex: '' },
  };
  return layers[kind]; // built fresh on each call
}

export interface PacketTemplate {
  readonly id: string;
  readonly title: string;
  readonly spec: PacketSpec;
}

const pkt = (...kinds: LayerKind[]): PacketSpec => ({ layers: kinds.map((k) => defaultLayer(k)) });

export const PACKET_TEMPLATES: readonly PacketTemplate[] = [
  { id: 'ipv4-tcp-syn', title: 'IPv4 TCP SYN to port 80', spec: pkt('ethernet', 'ipv4', 'tcp') },
  {
    id: 'ipv4-udp-dns',
    title: 'IPv4 UDP to port 53',
    spec: {
      layers: [
        defaultLayer('ethernet'),
        defaultLayer('ipv4'),
        defaultLayer('udp'),
        { kind: 'payload', hex: '123401000001000000000000076578616d706c6503636f6d0000010001' },
      ],
    },
  },
  {
    id: 'ipv4-icmp-echo',
    title: 'IPv4 ICMP echo request',
    spec: {
      layers: [
        defaultLayer('ethernet'),
        defaultLayer('ipv4'),
        defaultLayer('icmp'),
        { kind: 'payload', hex: '6162636465666768' },
      ],
    },
  },
  { id: 'ipv6-udp', title: 'IPv6 UDP', spec: pkt('ethernet', 'ipv6', 'udp') },
  { id: 'ipv6-icmpv6-echo', title: 'IPv6 ICMPv6 echo request', spec: pkt('ethernet', 'ipv6', 'icmpv6') },
  { id: 'vlan-ipv4-tcp', title: 'VLAN 100, IPv4 TCP', spec: pkt('ethernet', 'vlan', 'ipv4', 'tcp') },
  {
    id: 'arp-request',
    title: 'ARP request (who has 10.0.0.2?)',
    spec: { layers: [{ ...defaultLayer('ethernet'), dst: 'ff:ff:ff:ff:ff:ff' }, defaultLayer('arp')] },
  },
];

/** One line for the decoded view: "IPv4 10.0.0.1 → 10.0.0.2, TTL 64". */
export function describeLayer(layer: Layer): string {
  switch (layer.kind) {
    case 'ethernet':
      return `Ethernet ${layer.src} → ${layer.dst}`;
    case 'vlan':
      return `VLAN ${layer.vid}, priority ${layer.pcp}`;
    case 'ipv4':
      return `IPv4 ${layer.src} → ${layer.dst}, TTL ${layer.ttl}`;
    case 'ipv6':
      return `IPv6 ${layer.src} → ${layer.dst}, hop limit ${layer.hopLimit}`;
    case 'tcp':
      return `TCP ${layer.srcPort} → ${layer.dstPort} [${formatTcpFlags(layer.flags) || 'no flags'}] seq ${layer.seq}`;
    case 'udp':
      return `UDP ${layer.srcPort} → ${layer.dstPort}`;
    case 'icmp':
      return `ICMP type ${layer.type} code ${layer.code}${layer.type === 8 ? ' (echo request)' : layer.type === 0 ? ' (echo reply)' : ''}`;
    case 'icmpv6':
      return `ICMPv6 type ${layer.type} code ${layer.code}${layer.type === 128 ? ' (echo request)' : layer.type === 129 ? ' (echo reply)' : ''}`;
    case 'arp':
      return layer.op === 1
        ? `ARP who has ${layer.targetIp}? tell ${layer.senderIp}`
        : `ARP ${layer.senderIp} is at ${layer.senderMac}`;
    case 'payload':
      return `Payload, ${layer.hex.length / 2} bytes`;
  }
}

export interface ChecksumCheck {
  /** Index of the layer in the parsed packet. */
  readonly layer: number;
  readonly kind: LayerKind;
  readonly actual: number;
  readonly expected: number;
}

/** For each layer with a checksum: the value in the packet and the correct one. */
export function checkChecksums(layers: readonly Layer[]): ChecksumCheck[] {
  const checks: ChecksumCheck[] = [];
  layers.forEach((layer, i) => {
    if (!('checksum' in layer) || layer.checksum === null) return;
    const copy = layers.map((l, j) => (j === i ? { ...l, checksum: null } : l)) as Layer[];
    try {
      const recomputed = parsePacket(buildPacket({ layers: copy }), startKind(layers)).layers[i];
      if (recomputed !== undefined && 'checksum' in recomputed && recomputed.checksum !== null) {
        checks.push({ layer: i, kind: layer.kind, actual: layer.checksum, expected: recomputed.checksum });
      }
    } catch {
      // A layer that cannot be rebuilt (e.g. TCP without an IP header) has no checkable checksum.
    }
  });
  return checks;
}

const startKind = (layers: readonly Layer[]) => {
  const k = layers[0]?.kind;
  return k === 'ipv4' || k === 'ipv6' ? k : 'ethernet';
};

/** Bytes of a spec, or the first error as text (for the UI, which shows it beside the builder). */
export function tryBuild(spec: PacketSpec): { bytes: Uint8Array; error: null } | { bytes: null; error: string } {
  try {
    return { bytes: buildPacket(spec), error: null };
  } catch (e) {
    if (e instanceof PacketError) return { bytes: null, error: e.message };
    throw e;
  }
}
