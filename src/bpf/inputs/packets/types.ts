/**
 * A packet as a stack of protocol layers, outermost first.
 *
 * Fields whose value is `null` are computed when the packet is built (lengths, next-protocol
 * numbers, checksums). The parser always returns explicit values, so parse → build reproduces
 * the bytes exactly, including a deliberately wrong checksum.
 */

export interface EthernetLayer {
  readonly kind: 'ethernet';
  /** "aa:bb:cc:dd:ee:ff" */
  dst: string;
  src: string;
  /** EtherType; null = from the next layer (0x0800 IPv4, 0x86dd IPv6, 0x0806 ARP, 0x8100 VLAN). */
  etherType: number | null;
}

export interface VlanLayer {
  readonly kind: 'vlan';
  /** Priority code point, 3 bits. */
  pcp: number;
  /** Drop eligible indicator, 1 bit. */
  dei: number;
  /** VLAN id, 12 bits. */
  vid: number;
  /** Inner EtherType; null = from the next layer. */
  etherType: number | null;
}

export interface Ipv4Layer {
  readonly kind: 'ipv4';
  /** DSCP and ECN byte. */
  tos: number;
  id: number;
  /** 3 bits: 0b010 = don't fragment, 0b001 = more fragments. */
  flags: number;
  /** 13 bits, in units of 8 bytes. */
  fragOffset: number;
  ttl: number;
  /** null = from the next layer (1 ICMP, 6 TCP, 17 UDP). */
  protocol: number | null;
  /** Dotted quad. */
  src: string;
  dst: string;
  /** Options as hex (length must be a multiple of 4 bytes). */
  options: string;
  /** null = header length + payload length. */
  totalLength: number | null;
  /** null = computed. */
  checksum: number | null;
}

export interface Ipv6Layer {
  readonly kind: 'ipv6';
  trafficClass: number;
  /** 20 bits. */
  flowLabel: number;
  /** null = from the next layer (6 TCP, 17 UDP, 58 ICMPv6). */
  nextHeader: number | null;
  hopLimit: number;
  /** Any textual IPv6 form; the parser returns the RFC 5952 canonical form. */
  src: string;
  dst: string;
  /** null = payload length. */
  payloadLength: number | null;
}

export interface TcpLayer {
  readonly kind: 'tcp';
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  /** 9 flag bits: NS CWR ECE URG ACK PSH RST SYN FIN (FIN = bit 0). */
  flags: number;
  window: number;
  urgent: number;
  /** Options as hex (padded by the user to a multiple of 4 bytes). */
  options: string;
  checksum: number | null;
}

export interface UdpLayer {
  readonly kind: 'udp';
  srcPort: number;
  dstPort: number;
  /** null = header + payload. */
  length: number | null;
  checksum: number | null;
}

/** ICMP for IPv4 (echo-style header: type, code, checksum, then 4 bytes "rest of header"). */
export interface IcmpLayer {
  readonly kind: 'icmp';
  type: number;
  code: number;
  /** First two bytes of the rest of the header (identifier for echo). */
  id: number;
  /** Last two bytes of the rest of the header (sequence number for echo). */
  seq: number;
  checksum: number | null;
}

/** ICMPv6: same header shape, checksum over the IPv6 pseudo-header. */
export interface Icmpv6Layer {
  readonly kind: 'icmpv6';
  type: number;
  code: number;
  id: number;
  seq: number;
  checksum: number | null;
}

/** ARP for Ethernet/IPv4. */
export interface ArpLayer {
  readonly kind: 'arp';
  /** 1 request, 2 reply. */
  op: number;
  senderMac: string;
  senderIp: string;
  targetMac: string;
  targetIp: string;
}

/** Bytes that no layer describes (application data, or what the parser could not decode). */
export interface PayloadLayer {
  readonly kind: 'payload';
  /** Lowercase hex without separators. */
  hex: string;
}

export type Layer =
  | EthernetLayer
  | VlanLayer
  | Ipv4Layer
  | Ipv6Layer
  | TcpLayer
  | UdpLayer
  | IcmpLayer
  | Icmpv6Layer
  | ArpLayer
  | PayloadLayer;

export type LayerKind = Layer['kind'];

export type LayerOf<K extends LayerKind> = Extract<Layer, { kind: K }>;

/** A packet the builder can turn into bytes. */
export interface PacketSpec {
  layers: Layer[];
}

export class PacketError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PacketError';
  }
}
