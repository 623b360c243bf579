/** Decodes the raw .BTF section (header, type records, string table) into BtfType records. */
import { ByteReader, ElfError, readCString } from './elf-reader';
import { LoadError } from './errors';
import { BtfKind, BtfIntEncoding, referencedIds, type BtfMember, type BtfType } from './btf-types';

export const BTF_MAGIC = 0xeb9f;

/** A malformed .BTF or .BTF.ext section (a LoadError, so loadObject callers catch one type). */
export class BtfError extends LoadError {
  constructor(where: string, detail: string) {
    super(`BTF ${where}`, detail);
    this.name = 'BtfError';
  }
}

/** Re-throws bounds errors of the byte reader as BtfError, so callers see one error type per layer. */
export function asBtfError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ElfError) throw new BtfError(e.where, e.detail);
    throw e;
  }
}

interface BtfHeader {
  typeStart: number;
  typeLen: number;
  strings: Uint8Array;
}

function readHeader(r: ByteReader): BtfHeader {
  if (r.length < 24) throw new BtfError('header', `section is ${r.length} bytes, shorter than the 24-byte header`);
  const magic = r.u16('header', 0);
  if (magic !== BTF_MAGIC) throw new BtfError('header', `bad magic 0x${magic.toString(16)} (expected 0xeb9f)`);
  const version = r.u8('header', 2);
  if (version !== 1) throw new BtfError('header', `unsupported version ${version}`);
  const hdrLen = r.u32('header', 4);
  if (hdrLen < 24) throw new BtfError('header', `hdr_len ${hdrLen} is shorter than 24`);
  const typeOff = r.u32('header', 8);
  const typeLen = r.u32('header', 12);
  const strOff = r.u32('header', 16);
  const strLen = r.u32('header', 20);
  r.need('type section', hdrLen + typeOff, typeLen);
  const strings = r.slice('string section', hdrLen + strOff, strLen);
  if (strLen > 0 && strings[0] !== 0) throw new BtfError('string section', 'does not start with an empty string');
  return { typeStart: hdrLen + typeOff, typeLen, strings };
}

const KIND_NAMES = {
  [BtfKind.PTR]: 'ptr',
  [BtfKind.TYPEDEF]: 'typedef',
  [BtfKind.VOLATILE]: 'volatile',
  [BtfKind.CONST]: 'const',
  [BtfKind.RESTRICT]: 'restrict',
  [BtfKind.TYPE_TAG]: 'type_tag',
} as const;

/** Decodes one type record at `at`; returns it and the offset of the next record. */
function readType(r: ByteReader, at: number, id: number, strings: Uint8Array): [BtfType, number] {
  const where = `type [${id}] at offset ${at}`;
  const name = readCString(strings, r.u32(where, at), `${where} name`);
  const info = r.u32(where, at + 4);
  const sizeOrType = r.u32(where, at + 8);
  const kind = (info >>> 24) & 0x1f;
  const vlen = info & 0xffff;
  const kindFlag = info >>> 31 === 1;
  const str = (offset: number, what: string): string => readCString(strings, offset, `${where} ${what}`);
  const next = at + 12;
  switch (kind) {
    case BtfKind.INT: {
      const enc = r.u32(where, next);
      const bits = enc & 0xff;
      const t: BtfType = {
        id,
        name,
        kind: 'int',
        size: sizeOrType,
        signed: ((enc >>> 24) & BtfIntEncoding.SIGNED) !== 0,
        char: ((enc >>> 24) & BtfIntEncoding.CHAR) !== 0,
        bool: ((enc >>> 24) & BtfIntEncoding.BOOL) !== 0,
        bitOffset: (enc >>> 16) & 0xff,
        bits,
      };
      if (sizeOrType > 16 || bits > sizeOrType * 8)
        throw new BtfError(where, `bad int size ${sizeOrType}/${bits} bits`);
      return [t, next + 4];
    }
    case BtfKind.PTR:
    case BtfKind.TYPEDEF:
    case BtfKind.VOLATILE:
    case BtfKind.CONST:
    case BtfKind.RESTRICT:
    case BtfKind.TYPE_TAG:
      return [{ id, name, kind: KIND_NAMES[kind], type: sizeOrType }, next];
    case BtfKind.ARRAY:
      return [
        {
          id,
          name,
          kind: 'array',
          type: r.u32(where, next),
          indexType: r.u32(where, next + 4),
          count: r.u32(where, next + 8),
        },
        next + 12,
      ];
    case BtfKind.STRUCT:
    case BtfKind.UNION: {
      r.need(`${where} members`, next, vlen * 12);
      const members: BtfMember[] = [];
      for (let i = 0; i < vlen; i++) {
        const m = next + i * 12;
        const offset = r.u32(where, m + 8);
        members.push({
          name: str(r.u32(where, m), `member ${i} name`),
          type: r.u32(where, m + 4),
          bitOffset: kindFlag ? offset & 0xffffff : offset,
          bitSize: kindFlag ? offset >>> 24 : 0,
        });
      }
      return [
        { id, name, kind: kind === BtfKind.STRUCT ? 'struct' : 'union', size: sizeOrType, members },
        next + vlen * 12,
      ];
    }
    case BtfKind.ENUM:
    case BtfKind.ENUM64: {
      const is64 = kind === BtfKind.ENUM64;
      const stride = is64 ? 12 : 8;
      r.need(`${where} values`, next, vlen * stride);
      const values = [];
      for (let i = 0; i < vlen; i++) {
        const e = next + i * stride;
        const lo = BigInt(r.u32(where, e + 4));
        const value = is64 ? (BigInt(r.u32(where, e + 8)) << 32n) | lo : lo;
        values.push({ name: str(r.u32(where, e), `enumerator ${i} name`), value });
      }
      return [{ id, name, kind: 'enum', size: sizeOrType, signed: kindFlag, is64, values }, next + vlen * stride];
    }
    case BtfKind.FWD:
      return [{ id, name, kind: 'fwd', union: kindFlag }, next];
    case BtfKind.FUNC:
      return [{ id, name, kind: 'func', type: sizeOrType, linkage: vlen }, next];
    case BtfKind.FUNC_PROTO: {
      r.need(`${where} params`, next, vlen * 8);
      const params = [];
      for (let i = 0; i < vlen; i++) {
        params.push({ name: str(r.u32(where, next + i * 8), `param ${i} name`), type: r.u32(where, next + i * 8 + 4) });
      }
      return [{ id, name, kind: 'func_proto', returnType: sizeOrType, params }, next + vlen * 8];
    }
    case BtfKind.VAR:
      return [{ id, name, kind: 'var', type: sizeOrType, linkage: r.u32(where, next) }, next + 4];
    case BtfKind.DATASEC: {
      r.need(`${where} variables`, next, vlen * 12);
      const vars = [];
      for (let i = 0; i < vlen; i++) {
        const v = next + i * 12;
        vars.push({ type: r.u32(where, v), offset: r.u32(where, v + 4), size: r.u32(where, v + 8) });
      }
      return [{ id, name, kind: 'datasec', size: sizeOrType, vars }, next + vlen * 12];
    }
    case BtfKind.FLOAT:
      return [{ id, name, kind: 'float', size: sizeOrType }, next];
    case BtfKind.DECL_TAG:
      return [{ id, name, kind: 'decl_tag', type: sizeOrType, componentIdx: r.i32(where, next) }, next + 4];
    default:
      throw new BtfError(where, `unknown kind ${kind}`);
  }
}

export interface RawBtf {
  readonly types: readonly BtfType[];
  readonly strings: Uint8Array;
}

/** Parses and validates a .BTF section: every type id a type refers to must exist. */
export function parseBtfSection(bytes: Uint8Array): RawBtf {
  return asBtfError(() => {
    const r = new ByteReader(bytes);
    const { typeStart, typeLen, strings } = readHeader(r);
    const types: BtfType[] = [{ id: 0, name: '', kind: 'void' }];
    const types_ = new ByteReader(r.slice('type section', typeStart, typeLen));
    let at = 0;
    while (at < typeLen) {
      const [t, next] = readType(types_, at, types.length, strings);
      types.push(t);
      at = next;
    }
    for (const t of types) {
      for (const ref of referencedIds(t)) {
        if (ref >= types.length) {
          throw new BtfError(`type [${t.id}] '${t.name}'`, `refers to type ${ref}, but only ${types.length - 1} exist`);
        }
      }
    }
    return { types, strings };
  });
}
