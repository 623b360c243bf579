/**
 * .BTF.ext: per-section func info, line info and CO-RE relocation records. In an object file the
 * instruction offsets are byte offsets inside the ELF section; loadObject turns them into
 * instruction indices of each final program (after subprograms are appended).
 */
import { BtfError, asBtfError } from './btf-parse';
import type { Btf } from './btf';
import { ByteReader } from './elf-reader';

/** A FUNC type starts at this byte offset of its section. */
export interface FuncInfoRecord {
  readonly insnOffset: number;
  readonly typeId: number;
}

/** The source position of the instruction at this byte offset of its section. */
export interface LineInfoRecord {
  readonly insnOffset: number;
  readonly file: string;
  /** The whole source line's text, as clang recorded it. */
  readonly source: string;
  readonly line: number;
  readonly column: number;
}

/** A CO-RE relocation (kept for display and a later resolver; the loader does not apply them). */
export interface CoreRelocRecord {
  readonly insnOffset: number;
  readonly typeId: number;
  readonly accessString: string;
  readonly kind: number;
}

export interface BtfExt {
  /** Keyed by ELF section name. */
  readonly funcInfo: ReadonlyMap<string, readonly FuncInfoRecord[]>;
  readonly lineInfo: ReadonlyMap<string, readonly LineInfoRecord[]>;
  readonly coreRelocs: ReadonlyMap<string, readonly CoreRelocRecord[]>;
}

type RecordReader<T> = (r: ByteReader, at: number, where: string) => T;

/** Reads one info block: rec_size, then per section { sec_name_off, num_info, records[num_info] }. */
function readBlock<T>(
  r: ByteReader,
  start: number,
  length: number,
  minRecSize: number,
  btf: Btf,
  what: string,
  read: RecordReader<T>,
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  if (length === 0) return out;
  r.need(what, start, length);
  const end = start + length;
  const recSize = r.u32(what, start);
  if (recSize < minRecSize || recSize % 4 !== 0) {
    throw new BtfError(what, `record size ${recSize} (expected at least ${minRecSize}, a multiple of 4)`);
  }
  let at = start + 4;
  while (at < end) {
    const where = `${what} block at ${at}`;
    const section = btf.string(r.u32(where, at), `${where} section name`);
    const count = r.u32(where, at + 4);
    at += 8;
    // Checked before allocating: a huge num_info must not make us loop or allocate.
    if (count * recSize > end - at) throw new BtfError(where, `${count} records of ${recSize} bytes overrun the block`);
    const list = out.get(section) ?? [];
    for (let i = 0; i < count; i++, at += recSize) list.push(read(r, at, `${where} record ${i}`));
    out.set(section, list);
  }
  return out;
}

export function parseBtfExt(bytes: Uint8Array, btf: Btf): BtfExt {
  return asBtfError(() => {
    const r = new ByteReader(bytes);
    if (r.length < 24) throw new BtfError('.BTF.ext header', `section is ${r.length} bytes, shorter than 24`);
    const magic = r.u16('.BTF.ext header', 0);
    if (magic !== 0xeb9f) throw new BtfError('.BTF.ext header', `bad magic 0x${magic.toString(16)}`);
    const hdrLen = r.u32('.BTF.ext header', 4);
    const field = (at: number): number => r.u32('.BTF.ext header', at);
    const funcInfo = readBlock(r, hdrLen + field(8), field(12), 8, btf, '.BTF.ext func_info', (rr, at, where) => ({
      insnOffset: rr.u32(where, at),
      typeId: rr.u32(where, at + 4),
    }));
    const lineInfo = readBlock(r, hdrLen + field(16), field(20), 16, btf, '.BTF.ext line_info', (rr, at, where) => {
      const lineCol = rr.u32(where, at + 12);
      return {
        insnOffset: rr.u32(where, at),
        file: btf.string(rr.u32(where, at + 4), `${where} file name`),
        source: btf.string(rr.u32(where, at + 8), `${where} source line`),
        line: lineCol >>> 10,
        column: lineCol & 0x3ff,
      };
    });
    const coreRelocs =
      hdrLen >= 32
        ? readBlock(r, hdrLen + field(24), field(28), 16, btf, '.BTF.ext core_relo', (rr, at, where) => ({
            insnOffset: rr.u32(where, at),
            typeId: rr.u32(where, at + 4),
            accessString: btf.string(rr.u32(where, at + 8), `${where} access string`),
            kind: rr.u32(where, at + 12),
          }))
        : new Map<string, CoreRelocRecord[]>();
    return { funcInfo, lineInfo, coreRelocs };
  });
}
