/**
 * Parser for bpf_conformance `.data` files: `-- name` lines open sections; `#` lines outside the
 * assembly are comments. Sections used: asm, raw, mem, result, error; c and "no register offset"
 * are ignored.
 */

export interface ConformanceCase {
  readonly asm: string | null;
  /** Program bytes from `-- raw` (either 0x-prefixed 64-bit words or spaced hex bytes). */
  readonly raw: Uint8Array | null;
  readonly memory: Uint8Array;
  readonly result: bigint | null;
  readonly error: string | null;
}

export class DataFileError extends Error {
  override name = 'DataFileError';
}

function splitSections(text: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    const header = /^--\s*(.+?)\s*$/.exec(line);
    if (header) {
      current = [];
      sections.set(header[1]!, current);
    } else if (current) current.push(line);
  }
  return sections;
}

const meaningful = (lines: string[]): string[] =>
  lines.map((l) => l.replace(/#.*$/, '').trim()).filter((l) => l !== '');

function parseHexBytes(lines: string[], what: string): Uint8Array {
  const out: number[] = [];
  for (const token of meaningful(lines).join(' ').split(/\s+/)) {
    if (token === '') continue;
    if (!/^[0-9a-fA-F]{2}$/.test(token)) throw new DataFileError(`${what}: '${token}' is not a hex byte`);
    out.push(parseInt(token, 16));
  }
  return Uint8Array.from(out);
}

function parseRaw(lines: string[]): Uint8Array {
  const rows = meaningful(lines);
  if (!rows.every((r) => /^0x[0-9a-fA-F]{1,16}$/.test(r))) return parseHexBytes(lines, 'raw');
  // One instruction per line as a 64-bit number whose low byte is the opcode (little-endian layout).
  const bytes = new Uint8Array(rows.length * 8);
  const view = new DataView(bytes.buffer);
  rows.forEach((r, i) => view.setBigUint64(i * 8, BigInt(r), true));
  return bytes;
}

function parseResult(lines: string[]): bigint | null {
  const rows = meaningful(lines);
  if (rows.length === 0) return null;
  if (rows.length > 1 || !/^(0x[0-9a-fA-F]+|-?[0-9]+)$/.test(rows[0]!))
    throw new DataFileError(`result: expected one number, found '${rows.join(' ')}'`);
  return BigInt.asUintN(64, BigInt(rows[0]!));
}

export function parseDataFile(text: string): ConformanceCase {
  const s = splitSections(text);
  const asm = s.get('asm');
  const raw = s.get('raw');
  const mem = s.get('mem');
  const result = s.get('result');
  const error = s.get('error');
  return {
    asm: asm ? asm.join('\n') : null,
    raw: raw ? parseRaw(raw) : null,
    memory: mem ? parseHexBytes(mem, 'mem') : new Uint8Array(),
    result: result ? parseResult(result) : null,
    error: error ? meaningful(error).join(' ') : null,
  };
}
