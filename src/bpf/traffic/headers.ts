/**
 * Rewriting the fields a traffic mix varies (IPv4 source address, TCP/UDP ports) in a packet's
 * bytes, with the checksums updated incrementally (RFC 1624, eqn. 3) rather than recomputed: the
 * generator rewrites a million packets and each change touches two or three 16-bit words.
 */

/** Where a packet's network and transport headers start, found once per template. */
export interface PacketLayout {
  readonly l3: 'ipv4' | 'ipv6' | null;
  readonly l3Offset: number;
  readonly l4: 'tcp' | 'udp' | 'icmp' | 'icmpv6' | null;
  readonly l4Offset: number;
}

const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;
const put16 = (b: Uint8Array, at: number, v: number): void => {
  b[at] = v >>> 8;
  b[at + 1] = v & 0xff;
};

const L4_OF: Readonly<Record<number, PacketLayout['l4']>> = { 6: 'tcp', 17: 'udp', 1: 'icmp', 58: 'icmpv6' };

/** Walks Ethernet, VLAN tags and the IP header; a layer that is absent or truncated stays null. */
export function locateHeaders(b: Uint8Array): PacketLayout {
  const none: PacketLayout = { l3: null, l3Offset: -1, l4: null, l4Offset: -1 };
  let off = 12;
  if (b.length < off + 2) return none;
  let etherType = u16(b, off);
  while ((etherType === 0x8100 || etherType === 0x88a8) && b.length >= off + 6) {
    off += 4;
    etherType = u16(b, off);
  }
  off += 2;
  if (etherType === 0x0800 && b.length >= off + 20) {
    const ihl = (b[off]! & 0x0f) * 4;
    const fragment = u16(b, off + 6) & 0x1fff;
    const l4 = fragment === 0 ? (L4_OF[b[off + 9]!] ?? null) : null;
    const v4: PacketLayout = { l3: 'ipv4', l3Offset: off, l4: null, l4Offset: -1 };
    return l4 === 'icmpv6' || l4 === null || b.length < off + ihl + 8 ? v4 : { ...v4, l4, l4Offset: off + ihl };
  }
  if (etherType === 0x86dd && b.length >= off + 40) {
    const l4 = L4_OF[b[off + 6]!] ?? null;
    const v6: PacketLayout = { l3: 'ipv6', l3Offset: off, l4: null, l4Offset: -1 };
    return l4 === 'icmp' || l4 === null || b.length < off + 48 ? v6 : { ...v6, l4, l4Offset: off + 40 };
  }
  return none;
}

/** Offset of the transport checksum, or -1 when the header has none that covers the changed word. */
function l4ChecksumAt(layout: PacketLayout, pseudoHeader: boolean): number {
  switch (layout.l4) {
    case 'tcp':
      return layout.l4Offset + 16;
    case 'udp':
      return layout.l4Offset + 6;
    case 'icmpv6':
      return layout.l4Offset + 2;
    case 'icmp':
      // ICMPv4's checksum covers only the ICMP message, not the IP addresses.
      return pseudoHeader ? -1 : layout.l4Offset + 2;
    default:
      return -1;
  }
}

/** RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'). A UDP checksum of 0 means "none" and stays 0. */
function adjustChecksum(b: Uint8Array, at: number, oldWord: number, newWord: number, udp: boolean): void {
  if (at < 0) return;
  const current = u16(b, at);
  if (udp && current === 0) return;
  let sum = (~current & 0xffff) + (~oldWord & 0xffff) + newWord;
  sum = (sum & 0xffff) + (sum >>> 16);
  sum = (sum & 0xffff) + (sum >>> 16);
  let next = ~sum & 0xffff;
  if (udp && next === 0) next = 0xffff;
  put16(b, at, next);
}

/**
 * Writes the varied fields of packets shaped like one template, with the checksum offsets worked
 * out once (the generator calls it for every packet).
 */
export class FieldWriter {
  readonly layout: PacketLayout;
  private readonly ipChecksum: number;
  /** The transport checksum over the IP pseudo-header (addresses), or -1. */
  private readonly pseudoChecksum: number;
  /** The TCP/UDP checksum (ports), or -1. */
  private readonly portChecksum: number;
  private readonly udpChecksum: number;

  constructor(template: Uint8Array) {
    this.layout = locateHeaders(template);
    this.ipChecksum = this.layout.l3 === 'ipv4' ? this.layout.l3Offset + 10 : -1;
    this.pseudoChecksum = l4ChecksumAt(this.layout, true);
    this.portChecksum = this.layout.l4 === 'tcp' || this.layout.l4 === 'udp' ? l4ChecksumAt(this.layout, false) : -1;
    this.udpChecksum = this.layout.l4 === 'udp' ? this.layout.l4Offset + 6 : -1;
  }

  /** Replaces one 16-bit word and fixes up to two checksums (offsets; -1 = none). */
  private replace(b: Uint8Array, at: number, word: number, sumA: number, sumB: number): void {
    const old = u16(b, at);
    if (old === word) return;
    put16(b, at, word);
    adjustChecksum(b, sumA, old, word, sumA === this.udpChecksum);
    adjustChecksum(b, sumB, old, word, sumB === this.udpChecksum);
  }

  /** Sets the IPv4 source address (a u32, network order); IP and TCP/UDP checksums follow. */
  setIpv4Source(b: Uint8Array, address: number): void {
    if (this.layout.l3 !== 'ipv4') return;
    const at = this.layout.l3Offset + 12;
    this.replace(b, at, address >>> 16, this.ipChecksum, this.pseudoChecksum);
    this.replace(b, at + 2, address & 0xffff, this.ipChecksum, this.pseudoChecksum);
  }

  /** Sets the TCP/UDP source (which = 0) or destination (which = 2) port; the L4 checksum follows. */
  setPort(b: Uint8Array, which: 0 | 2, port: number): void {
    if (this.portChecksum < 0) return;
    this.replace(b, this.layout.l4Offset + which, port, this.portChecksum, -1);
  }
}
