/**
 * Renders raw map keys/values through their BTF type: `btfToJson` gives plain JSON values (numbers,
 * strings, objects, arrays; 64-bit integers beyond 2^53 as decimal strings) and `formatBtfValue`
 * a C-initialiser-like line such as `{ .sport = 53, .proto = 17, .name = "dns" }`.
 * Bytes shorter than the type read as zero; nesting is depth-limited against reference loops.
 */
import { MAX_RESOLVE_DEPTH, type Btf } from './btf';
import type { BtfType } from './btf-types';

export type JsonValue = number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Unsigned little-endian integer of `bits` bits starting at bit `bitOffset` of `bytes`. */
function readBits(bytes: Uint8Array, bitOffset: number, bits: number): bigint {
  let value = 0n;
  for (let i = 0; i < bits; i++) {
    const bit = bitOffset + i;
    const byte = bytes[bit >> 3] ?? 0;
    if ((byte >> (bit & 7)) & 1) value |= 1n << BigInt(i);
  }
  return value;
}

const signExtend = (v: bigint, bits: number): bigint => (bits > 0 ? BigInt.asIntN(bits, v) : v);

const jsonNumber = (v: bigint): number | string =>
  v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();

function isCharArray(btf: Btf, t: BtfType): boolean {
  if (t.kind !== 'array') return false;
  const elem = btf.resolve(t.type);
  return elem.kind === 'int' && elem.size === 1 && (elem.char || elem.name === 'char');
}

/** A char array as a string up to its first NUL; null when it holds non-printable bytes. */
function charArrayText(bytes: Uint8Array): string | null {
  const end = bytes.indexOf(0);
  const used = end < 0 ? bytes : bytes.subarray(0, end);
  if (used.some((b) => b < 0x20 || b > 0x7e)) return null;
  if (end >= 0 && bytes.subarray(end).some((b) => b !== 0)) return null;
  return String.fromCharCode(...used);
}

function enumValue(t: Extract<BtfType, { kind: 'enum' }>, bytes: Uint8Array, bitOffset: number): JsonValue {
  const raw = readBits(bytes, bitOffset, t.size * 8);
  const value = t.signed ? signExtend(raw, t.size * 8) : raw;
  const match = t.values.find((e) => BigInt.asUintN(t.size * 8, e.value) === raw);
  return match ? match.name : jsonNumber(value);
}

/** Most values rendered per call: hostile BTF (huge nested arrays of wide structs) must stay cheap. */
export const MAX_RENDERED_VALUES = 100_000;

/** The value of type `typeId` in `bytes` as JSON. */
export function btfToJson(btf: Btf, typeId: number, bytes: Uint8Array): JsonValue {
  return toJson({ btf, bytes, budget: MAX_RENDERED_VALUES }, typeId, 0, 0);
}

interface Walk {
  readonly btf: Btf;
  readonly bytes: Uint8Array;
  budget: number;
}

function toJson(w: Walk, typeId: number, bitOffset: number, depth: number): JsonValue {
  const { btf, bytes } = w;
  if (depth > MAX_RESOLVE_DEPTH) return '<too deep>';
  if (--w.budget < 0) return '…';
  const t = btf.resolve(typeId);
  switch (t.kind) {
    case 'int': {
      const raw = readBits(bytes, bitOffset + t.bitOffset, t.bits);
      if (t.bool) return raw !== 0n;
      return jsonNumber(t.signed ? signExtend(raw, t.bits) : raw);
    }
    case 'enum':
      return enumValue(t, bytes, bitOffset);
    case 'ptr':
      return `0x${readBits(bytes, bitOffset, 64).toString(16)}`;
    case 'float': {
      const at = bitOffset >> 3;
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (t.size === 4 && at + 4 <= bytes.length) return view.getFloat32(at, true);
      if (t.size === 8 && at + 8 <= bytes.length) return view.getFloat64(at, true);
      return null;
    }
    case 'array': {
      const elemSize = btf.sizeOf(t.type);
      if (isCharArray(btf, t) && bitOffset % 8 === 0) {
        const text = charArrayText(bytes.subarray(bitOffset >> 3, (bitOffset >> 3) + t.count));
        if (text !== null) return text;
      }
      const count = Math.min(t.count, Math.max(0, w.budget));
      return Array.from({ length: count }, (_, i) => toJson(w, t.type, bitOffset + i * elemSize * 8, depth + 1));
    }
    case 'struct':
    case 'union':
    case 'datasec': {
      const out: { [key: string]: JsonValue } = Object.create(null) as { [key: string]: JsonValue };
      if (t.kind === 'datasec') {
        for (const v of t.vars) {
          const variable = btf.type(v.type);
          out[variable.name] = toJson(w, v.type, bitOffset + v.offset * 8, depth + 1);
        }
        return out;
      }
      t.members.forEach((m, i) => {
        const name = m.name || `(anon ${i})`;
        if (m.bitSize > 0) {
          const member = btf.resolve(m.type);
          const signed = member.kind === 'int' && member.signed;
          const raw = readBits(bytes, bitOffset + m.bitOffset, m.bitSize);
          out[name] = jsonNumber(signed ? signExtend(raw, m.bitSize) : raw);
        } else {
          out[name] = toJson(w, m.type, bitOffset + m.bitOffset, depth + 1);
        }
      });
      return out;
    }
    case 'var':
      return toJson(w, t.type, bitOffset, depth + 1);
    default:
      return null;
  }
}

/** Renders a btfToJson value, walking its type alongside so strings get quotes but enum names do not. */
function render(btf: Btf, typeId: number, value: JsonValue): string {
  if (value === null) return '?';
  if (typeof value !== 'object') {
    const t = btf.resolve(typeId);
    return typeof value === 'string' && t.kind === 'array' ? JSON.stringify(value) : String(value);
  }
  const t = btf.resolve(typeId);
  if (Array.isArray(value)) {
    const elem = t.kind === 'array' ? t.type : 0;
    return `[${value.map((v) => render(btf, elem, v)).join(', ')}]`;
  }
  const typeOf = (i: number): number => {
    if (t.kind === 'struct' || t.kind === 'union') return t.members[i]?.type ?? 0;
    const variable = t.kind === 'datasec' ? btf.types[t.vars[i]?.type ?? 0] : undefined;
    return variable?.kind === 'var' ? variable.type : 0;
  };
  const fields = Object.entries(value).map(([k, v], i) => `.${k} = ${render(btf, typeOf(i), v)}`);
  return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
}

/** One-line C-initialiser-style text of a value, e.g. `{ .sport = 53, .color = GREEN, .name = "dns" }`. */
export function formatBtfValue(btf: Btf, typeId: number, bytes: Uint8Array): string {
  return render(btf, typeId, btfToJson(btf, typeId, bytes));
}
