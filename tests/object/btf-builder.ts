/** Builds raw .BTF sections from type records, for tests of malformed or looping BTF. */
export interface RawType {
  name?: number;
  kind: number;
  vlen?: number;
  kindFlag?: boolean;
  sizeOrType: number;
  /** Extra u32 words after the common header (members, params, int encoding ...). */
  extra?: number[];
}

export function buildBtf(types: RawType[], strings = '\0a\0'): Uint8Array {
  const words: number[] = [];
  for (const t of types) {
    const info = ((t.kindFlag ? 1 : 0) << 31) | (t.kind << 24) | (t.vlen ?? 0);
    words.push(t.name ?? 0, info >>> 0, t.sizeOrType, ...(t.extra ?? []));
  }
  const typeLen = words.length * 4;
  const str = new TextEncoder().encode(strings);
  const out = new Uint8Array(24 + typeLen + str.length);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0xeb9f, true);
  v.setUint8(2, 1);
  v.setUint32(4, 24, true);
  v.setUint32(8, 0, true);
  v.setUint32(12, typeLen, true);
  v.setUint32(16, typeLen, true);
  v.setUint32(20, str.length, true);
  words.forEach((w, i) => v.setUint32(24 + i * 4, w >>> 0, true));
  out.set(str, 24 + typeLen);
  return out;
}
