/**
 * base64url (RFC 4648 §5) without padding: the characters survive URL fragments, chat clients and
 * URLSearchParams untouched. Written out here because btoa/Buffer differ between browser and Node.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function encodeBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >>> (18 - 6 * c)) & 63];
  }
  return out;
}

/**
 * The bytes, or why `text` is not unpadded base64url: a character outside the alphabet, or a length
 * (or trailing bits) that whole bytes cannot produce, which is what cutting a link short does.
 */
export function decodeBase64url(text: string): Uint8Array | 'bad-character' | 'bad-length' {
  if (/[^A-Za-z0-9_-]/.test(text)) return 'bad-character';
  // 4n+1 characters cannot come from whole bytes.
  if (text.length % 4 === 1) return 'bad-length';
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const c of text) {
    const v = VALUE.get(c)!;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, or two different texts would decode to the same bytes.
  if ((acc & ((1 << bits) - 1)) !== 0) return 'bad-length';
  return out;
}
