/** A 64-bit register value in hex (unsigned) and decimal (signed), as the Registers panel shows it. */
const MASK = (1n << 64n) - 1n;

export const formatHex = (v: bigint) => `0x${(v & MASK).toString(16)}`;
export const formatSigned = (v: bigint) => BigInt.asIntN(64, v).toString();
