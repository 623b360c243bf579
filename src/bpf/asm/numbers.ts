/**
 * Integer literals shared by both assembly syntaxes, and the hex spelling llvm-objdump uses.
 *
 * Values are parsed as BigInt so a range check sees the number the user wrote, not a
 * float that has already lost its low bits (lddw constants are 64-bit).
 */
import { AsmError } from './errors';

const LITERAL = /^([+-]?)\s*(0x[0-9a-f]+|\d+)$/i;

/** The value of a decimal or 0x-hex literal with optional sign, or null if `text` is not one. */
export function parseLiteral(text: string): bigint | null {
  const m = LITERAL.exec(text.trim());
  if (m === null) return null;
  const magnitude = BigInt(m[2]!);
  return m[1] === '-' ? -magnitude : magnitude;
}

export const isHex = (text: string): boolean => /0x/i.test(text);

interface Range {
  readonly bits: 16 | 32 | 64;
  readonly what: string;
}

/**
 * Checks `value` fits the field and returns it reinterpreted as signed. Hex immediates
 * may spell the bit pattern (0xffffffff is imm -1, as in the uBPF and llvm assemblers);
 * decimal ones must be in the signed range, so 2147483648 is no 32-bit immediate.
 * Offsets are written with their sign (`r10 - 0x8`), so they are always signed.
 */
export function fitSigned(value: bigint, range: Range, line: number, hex = true): bigint {
  const bitPattern = hex && range.bits >= 32;
  const min = -(1n << BigInt(range.bits - 1));
  const max = (1n << BigInt(range.bits - (bitPattern ? 0 : 1))) - 1n;
  if (value < min || value > max) {
    throw new AsmError(line, `${range.what} ${value} is out of ${range.bits}-bit range`);
  }
  return BigInt.asIntN(range.bits, value);
}

export function literalIn(text: string, range: Range, line: number): number {
  const value = parseLiteral(text);
  if (value === null) throw new AsmError(line, `expected a number for ${range.what}, found '${text}'`);
  return Number(fitSigned(value, range, line, isHex(text)));
}

export const IMM32 = (what = 'immediate'): Range => ({ bits: 32, what });
export const OFF16 = (what = 'offset'): Range => ({ bits: 16, what });
export const IMM64: Range = { bits: 64, what: 'immediate' };

/** llvm-objdump's number style: signed, lower-case hex (`0x4`, `-0x8`). */
export const signedHex = (n: number | bigint): string => {
  const v = BigInt(n);
  return v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`;
};

/** Jump displacement style: always signed (`+0x3`, `-0x1`, `+0x0`). */
export const displacement = (n: number): string => (n < 0 ? signedHex(n) : `+${signedHex(n)}`);
