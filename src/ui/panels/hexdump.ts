/** Hex dump rows: offset, 16 bytes in hex, printable ASCII. */
export interface HexRow {
  readonly offset: string;
  readonly hex: string[];
  readonly ascii: string;
}

export function hexRows(bytes: Uint8Array, width = 16): HexRow[] {
  const rows: HexRow[] = [];
  for (let at = 0; at < bytes.length; at += width) {
    const chunk = bytes.subarray(at, at + width);
    rows.push({
      offset: at.toString(16).padStart(4, '0'),
      hex: Array.from(chunk, (b) => b.toString(16).padStart(2, '0')),
      ascii: Array.from(chunk, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·')).join(''),
    });
  }
  return rows;
}

/** Hex with a space every byte and a newline every 16, for the raw editor. */
export const spacedHex = (bytes: Uint8Array): string =>
  hexRows(bytes)
    .map((r) => r.hex.join(' '))
    .join('\n');
