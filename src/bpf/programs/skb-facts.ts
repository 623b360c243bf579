/**
 * Values BPF_PROG_TEST_RUN derives from the frame alone for __sk_buff fields (measured on Linux 6.18
 * by tests/kernel-diff/corpus/cgskb_fields.c and tests/kernel/vm-ctx.test.ts).
 *
 * test_run gives every skb a socket whose family and addresses come from the frame's IP header: for
 * IPv4 the destination is the socket's remote address and the source its local one, likewise for
 * IPv6; ports stay 0. Only cgroup_skb programs may read those socket fields.
 */

export const ETH_HLEN = 14;
const ETH_P_IP = 0x0800;
const ETH_P_IPV6 = 0x86dd;
const AF_INET = 2n;
const AF_INET6 = 10n;

export const etherType = (frame: Uint8Array): number => (frame[12]! << 8) | frame[13]!;

/** PACKET_HOST 0 when the destination is lo's address (all zero), MULTICAST 2, else OTHERHOST 3. */
export function pktType(frame: Uint8Array): bigint {
  if ((frame[0]! & 1) !== 0) return 2n; // lo's broadcast address is all zero, so ff:ff:.. counts as multicast
  return frame.subarray(0, 6).every((b) => b === 0) ? 0n : 3n;
}

/** The test_run socket's family: from the EtherType (a VLAN-tagged frame has none). */
export function socketFamily(frame: Uint8Array): bigint {
  const type = etherType(frame);
  return type === ETH_P_IP ? AF_INET : type === ETH_P_IPV6 ? AF_INET6 : 0n;
}

/** Four header bytes as a context load sees them: the __be32 read as a little-endian u32. */
function word(frame: Uint8Array, at: number): bigint {
  if (at + 4 > frame.length) return 0n;
  return BigInt((frame[at]! | (frame[at + 1]! << 8) | (frame[at + 2]! << 16) | (frame[at + 3]! << 24)) >>> 0);
}

export type AddressEnd = 'remote' | 'local';

/** remote_ip4 / local_ip4: the IPv4 destination / source, 0 for other families. */
export function ipv4Address(frame: Uint8Array, end: AddressEnd): bigint {
  if (socketFamily(frame) !== AF_INET) return 0n;
  return word(frame, ETH_HLEN + (end === 'remote' ? 16 : 12));
}

/** Word `i` of remote_ip6 / local_ip6: the IPv6 destination / source, 0 for other families. */
export function ipv6AddressWord(frame: Uint8Array, end: AddressEnd, i: number): bigint {
  if (socketFamily(frame) !== AF_INET6) return 0n;
  return word(frame, ETH_HLEN + (end === 'remote' ? 24 : 8) + 4 * i);
}
