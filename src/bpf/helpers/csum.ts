/**
 * Internet checksum arithmetic as the x86-64 kernel does it, on 32-bit unsigned numbers.
 *
 * The kernel never byte-swaps checksum values: a __sum16 field and the __be16/__be32 values
 * programs pass are all used as loaded from memory, i.e. in the CPU's little-endian view. Doing
 * the same here (fields read little-endian) gives bit-identical results, including which of the
 * two ones'-complement zeros (0x0000 / 0xffff) comes out.
 */

/** csum_add: 32-bit ones'-complement addition (end-around carry). */
export function csumAdd(a: number, b: number): number {
  const r = (a + b) >>> 0;
  return (r + (r < b >>> 0 ? 1 : 0)) >>> 0;
}

export const csumSub = (a: number, b: number): number => csumAdd(a, ~b >>> 0);

/** csum_fold: folds to 16 bits and complements. */
export function csumFold(sum: number): number {
  let s = (sum & 0xffff) + (sum >>> 16);
  s = (s & 0xffff) + (s >>> 16);
  return ~s & 0xffff;
}

/** ~csum_unfold(field): the complemented 16-bit field widened to 32 bits. */
const notUnfold = (field: number): number => (~field & 0xffff) + 0xffff0000;

/** csum16_add: 16-bit ones'-complement addition. */
function csum16Add(a: number, b: number): number {
  const r = (a + b) & 0xffff;
  return (r + (r < b ? 1 : 0)) & 0xffff;
}

const TWO_32 = 4294967296;

/** Folds a sum of 32-bit words (exact below 2^53) to 32 bits with end-around carries. */
function fold32(sum: number): number {
  while (sum > 0xffffffff) sum = (sum % TWO_32) + Math.floor(sum / TWO_32);
  return sum;
}

/** csum_partial over whole 32-bit words: their little-endian sum plus `seed`, folded to 32 bits. */
export function csumPartial(bytes: Uint8Array, seed: number): number {
  // Plain numbers: at most 128 words (512 bytes) of < 2^32 each stay far below 2^53.
  let sum = seed >>> 0;
  for (let i = 0; i + 4 <= bytes.length; i += 4)
    sum += (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
  return fold32(sum);
}

/** csum_from32to16: what bpf_csum_diff returns since Linux 6.12 (a 16-bit, uncomplemented fold). */
export function csumFrom32To16(sum: number): number {
  const s = (sum + (((sum >>> 16) | (sum << 16)) >>> 0)) >>> 0;
  return s >>> 16;
}

/** csum_replace2 (l3, 2-byte fields): 16-bit arithmetic. */
export const csumReplace2 = (field: number, from: number, to: number): number =>
  ~csum16Add(csum16Add(~field & 0xffff, ~from & 0xffff), to & 0xffff) & 0xffff;

/** csum_replace4 (l3, 4-byte fields). */
export const csumReplace4 = (field: number, from: number, to: number): number =>
  csumFold(csumAdd(csumSub(notUnfold(field), from >>> 0), to >>> 0));

/** csum_replace_by_diff / inet_proto_csum_replace_by_diff: folds a csum_diff result in. */
export const csumReplaceByDiff = (field: number, diff: number): number =>
  csumFold(csumAdd(diff >>> 0, notUnfold(field)));

/** inet_proto_csum_replace4 (l4; its 2-byte form zero-extends both values to 32 bits). */
export function protoCsumReplace4(field: number, from: number, to: number): number {
  // csum_partial over the two words ~from and to, seeded with ~csum_unfold(field).
  return csumFold(fold32(notUnfold(field) + (~from >>> 0) + (to >>> 0)));
}

/**
 * bpf_csum_diff's value: csum_partial(to, seed) minus csum_partial(from) (pushing or pulling data
 * when one side is empty), folded to 16 bits by csum_from32to16.
 */
export function csumDiffResult(from: Uint8Array, to: Uint8Array, seed: number): number {
  let sum = seed >>> 0;
  if (from.length > 0 && to.length > 0) sum = csumSub(csumPartial(to, sum), csumPartial(from, 0));
  else if (to.length > 0) sum = csumPartial(to, sum);
  else if (from.length > 0) sum = ~csumPartial(from, ~sum >>> 0) >>> 0;
  return csumFrom32To16(sum);
}
