/**
 * The bytes of a link: raw deflate of the UTF-8 JSON, then the JSON's CRC-32 (4 bytes, big
 * endian), all in base64url. The checksum turns a damaged link into a clear error instead of a
 * subtly different program; inflating stops at MAX_JSON_BYTES so a hostile link cannot expand
 * into megabytes.
 */
import { deflateSync, FlateErrorCode, Inflate } from 'fflate';
import { decodeBase64url, encodeBase64url } from './base64url';
import { crc32 } from './crc32';
import { ShareLinkError } from './errors';
import { MAX_JSON_BYTES } from './limits';

const utf8 = new TextEncoder();
/** fatal: invalid UTF-8 is a damaged link, not text with replacement characters. */
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

export function packPayload(json: string): string {
  const raw = utf8.encode(json);
  const packed = deflateSync(raw, { level: 9 });
  const out = new Uint8Array(packed.length + 4);
  out.set(packed);
  new DataView(out.buffer).setUint32(packed.length, crc32(raw));
  return encodeBase64url(out);
}

const CUT_OFF = 'The link ends too early: it was probably cut off when it was copied. Ask for the whole link.';

class TooLarge extends Error {}

function inflateCapped(data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_JSON_BYTES) throw new TooLarge();
    chunks.push(chunk);
  });
  inflater.push(data, true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The JSON text inside a payload; every failure is a ShareLinkError. */
export function unpackPayload(text: string): string {
  const bytes = decodeBase64url(text);
  if (bytes === 'bad-character') throw new ShareLinkError('corrupt', 'The link contains characters that cannot be part of a share link; it was probably changed when it was copied.'); // prettier-ignore
  if (bytes === 'bad-length' || bytes.length < 5) throw new ShareLinkError('truncated', CUT_OFF);
  const body = bytes.subarray(0, bytes.length - 4);
  const expected = new DataView(bytes.buffer, bytes.byteOffset + body.length, 4).getUint32(0);
  let raw: Uint8Array;
  try {
    raw = inflateCapped(body);
  } catch (e) {
    if (e instanceof TooLarge)
      throw new ShareLinkError('oversized', `The link expands to more than ${MAX_JSON_BYTES / 1024} KiB of data, more than any playground state; it was not loaded.`); // prettier-ignore
    if ((e as { code?: unknown }).code === FlateErrorCode.UnexpectedEOF) throw new ShareLinkError('truncated', CUT_OFF);
    throw new ShareLinkError('corrupt', 'The link is damaged: its data does not decompress.');
  }
  if (crc32(raw) !== expected)
    throw new ShareLinkError('corrupt', 'The link is damaged: its checksum does not match, so it was cut or changed after it was made.'); // prettier-ignore
  try {
    return utf8Strict.decode(raw);
  } catch {
    throw new ShareLinkError('corrupt', 'The link is damaged: its data is not text.');
  }
}
