/**
 * What BPF_PROG_TEST_RUN refuses before running anything, measured on Linux 6.18 (the corpus in
 * tests/kernel-diff has packets at each boundary):
 * - every packet type: fewer than 14 bytes (an Ethernet header) -> EINVAL;
 * - skb programs (TC, socket filter, cgroup_skb): an IPv4 EtherType with less than a 20-byte IPv4 header after
 *   the Ethernet header, or IPv6 with less than its 40-byte header -> EINVAL (test_run sets up the
 *   socket's addresses from those headers);
 * - skb programs: more than a page minus the skb's headroom (NET_SKB_PAD, 64) and skb_shared_info
 *   (320), 3712 bytes -> EINVAL;
 * - XDP: the kernel puts what exceeds a page minus XDP headroom and skb_shared_info (3520 bytes)
 *   into fragments (multi-buffer XDP), which the simulator does not model: it refuses those
 *   packets, saying so.
 */
import type { PacketProgramType } from '../programs';

const ETH_HLEN = 14;
const MAX_SKB_PACKET = 4096 - 64 - 320;
const MAX_XDP_LINEAR = 4096 - 256 - 320;

/** The errno message for a packet test_run would refuse, or null when it runs. */
export function refusePacket(type: PacketProgramType, packet: Uint8Array): string | null {
  if (packet.length < ETH_HLEN)
    return `EINVAL: a ${packet.length}-byte packet is shorter than an Ethernet header (${ETH_HLEN} bytes)`;
  if (type === 'xdp') {
    if (packet.length <= MAX_XDP_LINEAR) return null;
    return `EINVAL: a ${packet.length}-byte packet exceeds ${MAX_XDP_LINEAR} bytes; the kernel would run it as multi-buffer XDP (fragments), which the simulator does not model`;
  }
  if (packet.length > MAX_SKB_PACKET) return `EINVAL: a ${packet.length}-byte packet exceeds ${MAX_SKB_PACKET} bytes`;
  const etherType = (packet[12]! << 8) | packet[13]!;
  const l3 = packet.length - ETH_HLEN;
  if (etherType === 0x0800 && l3 < 20)
    return `EINVAL: an IPv4 frame needs a 20-byte IP header for an skb test run, this one has ${l3} bytes after Ethernet`;
  if (etherType === 0x86dd && l3 < 40)
    return `EINVAL: an IPv6 frame needs a 40-byte IP header for an skb test run, this one has ${l3} bytes after Ethernet`;
  return null;
}
