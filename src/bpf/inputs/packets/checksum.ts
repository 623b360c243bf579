/** The Internet checksum (RFC 1071) and the pseudo-headers TCP, UDP and ICMPv6 cover. */

/** One's-complement sum of 16-bit big-endian words (odd tail padded with zero), not folded. */
export function onesSum(bytes: Uint8Array, initial = 0): number {
  let sum = initial;
  const n = bytes.length;
  for (let i = 0; i + 1 < n; i += 2) sum += (bytes[i]! << 8) | bytes[i + 1]!;
  if (n % 2 === 1) sum += bytes[n - 1]! << 8;
  return sum;
}

/** Folds carries and complements: the value stored in a checksum field. */
export function finish(sum: number): number {
  let s = sum;
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  return ~s & 0xffff;
}

export const internetChecksum = (bytes: Uint8Array): number => finish(onesSum(bytes));

/** Sum of the IPv4 pseudo-header: src, dst, zero, protocol, L4 length. */
export function ipv4PseudoSum(src: Uint8Array, dst: Uint8Array, protocol: number, length: number): number {
  return onesSum(src) + onesSum(dst) + protocol + length;
}

/** Sum of the IPv6 pseudo-header: src, dst, 32-bit upper-layer length, next header. */
export function ipv6PseudoSum(src: Uint8Array, dst: Uint8Array, nextHeader: number, length: number): number {
  return onesSum(src) + onesSum(dst) + Math.floor(length / 0x10000) + (length & 0xffff) + nextHeader;
}
