/** Integer conversions of the kernel's vsnprintf (number()): sign, zero padding, width, hex case. */
export interface IntSpec {
  left: boolean;
  zero: boolean;
  plus: boolean;
  space: boolean;
  width: number;
  /** 32 for int, 64 for long / long long. */
  size: 32 | 64;
  conv: 'd' | 'i' | 'u' | 'x' | 'X';
}

export function formatInteger(raw: bigint, spec: IntSpec): string {
  const signed = spec.conv === 'd' || spec.conv === 'i';
  const value = signed ? BigInt.asIntN(spec.size, raw) : BigInt.asUintN(spec.size, raw);
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString(spec.conv === 'x' || spec.conv === 'X' ? 16 : 10);
  if (spec.conv === 'X') digits = digits.toUpperCase();
  let sign = '';
  if (signed) {
    if (negative) sign = '-';
    else if (spec.plus) sign = '+';
    else if (spec.space) sign = ' ';
  }
  const body = sign.length + digits.length;
  if (body >= spec.width) return sign + digits;
  if (spec.left) return (sign + digits).padEnd(spec.width, ' ');
  if (spec.zero) return sign + digits.padStart(spec.width - sign.length, '0');
  return (sign + digits).padStart(spec.width, ' ');
}
