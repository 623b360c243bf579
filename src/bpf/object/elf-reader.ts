/**
 * Bounds-checked little-endian reads over an untrusted buffer. Every read names what it was reading,
 * so a truncated or hostile object fails with "ELF: section header 7 at 0x1234: ... past the end"
 * instead of a RangeError from DataView.
 */

/** A malformed ELF file: `where` names the structure, the message says what is wrong with it. */
export class ElfError extends Error {
  constructor(
    readonly where: string,
    readonly detail: string,
  ) {
    super(`ELF: ${where}: ${detail}`);
    this.name = 'ElfError';
  }
}

export const hex = (n: number): string => `0x${n.toString(16)}`;

export class ByteReader {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  /** Throws unless [offset, offset + size) lies inside the buffer. */
  need(where: string, offset: number, size: number): void {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset < 0 || size < 0) {
      throw new ElfError(where, `invalid range offset ${offset} size ${size}`);
    }
    if (offset + size > this.bytes.length) {
      throw new ElfError(
        where,
        `range ${hex(offset)}..${hex(offset + size)} runs past the end of the ${this.bytes.length}-byte buffer`,
      );
    }
  }

  u8(where: string, offset: number): number {
    this.need(where, offset, 1);
    return this.view.getUint8(offset);
  }

  u16(where: string, offset: number): number {
    this.need(where, offset, 2);
    return this.view.getUint16(offset, true);
  }

  u32(where: string, offset: number): number {
    this.need(where, offset, 4);
    return this.view.getUint32(offset, true);
  }

  i32(where: string, offset: number): number {
    this.need(where, offset, 4);
    return this.view.getInt32(offset, true);
  }

  /** A 64-bit field that must fit a JS number (offsets, sizes); larger values are hostile input. */
  u64(where: string, offset: number): number {
    const value = this.u64Big(where, offset);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new ElfError(where, `64-bit value ${value} at ${hex(offset)} is too large`);
    }
    return Number(value);
  }

  u64Big(where: string, offset: number): bigint {
    this.need(where, offset, 8);
    return this.view.getBigUint64(offset, true);
  }

  i64Big(where: string, offset: number): bigint {
    this.need(where, offset, 8);
    return this.view.getBigInt64(offset, true);
  }

  /** A view (not a copy) of [offset, offset + size). */
  slice(where: string, offset: number, size: number): Uint8Array {
    this.need(where, offset, size);
    return this.bytes.subarray(offset, offset + size);
  }
}

/** UTF-8 → string without TextDecoder (the core's lib has no DOM); invalid UTF-8 falls back to Latin-1. */
export function decodeUtf8(bytes: Uint8Array): string {
  let ascii = '';
  let plain = true;
  for (const b of bytes) {
    if (b >= 0x80) plain = false;
    ascii += String.fromCharCode(b);
  }
  if (plain) return ascii;
  try {
    return decodeURIComponent(Array.from(bytes, (b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return ascii;
  }
}

/**
 * The NUL-terminated string at `offset` of a string table. A missing terminator or an offset past
 * the table is an error, not a string running into the next section.
 */
export function readCString(table: Uint8Array, offset: number, where: string): string {
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= table.length) {
    if (offset === 0 && table.length === 0) return '';
    throw new ElfError(where, `string offset ${offset} is outside the ${table.length}-byte string table`);
  }
  const end = table.indexOf(0, offset);
  if (end < 0) throw new ElfError(where, `string at offset ${offset} is not NUL-terminated`);
  return decodeUtf8(table.subarray(offset, end));
}
