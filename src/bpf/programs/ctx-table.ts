/**
 * The context handler over a field table (ctx-fields.ts), built for the per-packet paths.
 *
 * Every field's facts (offset, size, permission, pointer) are precomputed into typed arrays and its
 * value is kept as int32 halves, so the interpreter's and the JIT's context loads and stores do no
 * search and no BigInt arithmetic (TC programs store skb->mark and skb->priority on every packet).
 * The `values` map stays exact for the rest of the core: a store puts a bigint there, reused while
 * the program stores the same value run after run, so a steady repeat loop allocates nothing.
 */
import { type CtxHandler, VmFault } from '../vm';
import { toBigU } from '../vm/int64';
import type { CtxField, CtxTable, FieldValues } from './ctx-fields';

/** Eight bytes to splice a narrow access into a field's halves (little-endian, as the struct). */
const scratch = new DataView(new ArrayBuffer(8));

type FieldListener = Parameters<NonNullable<CtxHandler['observeFields']>>[0];

/**
 * A handler over `fields` whose values live in `values` (stores update them, and `bytes`, the
 * struct image helpers see). Narrow loads of plain fields read the addressed bytes, as the kernel allows.
 */
export function tableHandler(
  structName: string,
  fields: readonly CtxField[],
  values: FieldValues,
  bytes: Uint8Array,
): CtxTable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = fields.length;
  const offsets = Int32Array.from(fields, (f) => f.offset);
  const sizes = Uint8Array.from(fields, (f) => f.size);
  const writable = Uint8Array.from(fields, (f) => (f.access === 'read-write' ? 1 : 0));
  const pointer = Uint8Array.from(fields, (f) => (f.pointer ? 1 : 0));
  const indexOf = new Map<string, number>();
  fields.forEach((f, i) => {
    if (!indexOf.has(f.name)) indexOf.set(f.name, i);
  });
  // Field index per byte offset (-1: no accessible field), and each field's whole-field load value.
  const fieldAt = new Int16Array(bytes.length + 8).fill(-1);
  const halves = new Int32Array(count * 2);
  /** 1 for the fields this instance has a value for (the others are not accessible). */
  const present = new Uint8Array(count);
  // The bigint a store last put into `values` per field, with its halves (valid once stored).
  const storedBig = new Array<bigint>(count).fill(0n);
  const storedLo = new Int32Array(count);
  const storedHi = new Int32Array(count);
  const stored = new Uint8Array(count);
  const observers: FieldListener[] = [];
  // The values restore() returns to (set by checkpoint()), and the fields changed since, in order.
  const baseBig = new Array<bigint>(count).fill(0n);
  const baseHalves = new Int32Array(count * 2);
  const dirty = new Uint8Array(count);
  const dirtyList = new Int32Array(count);
  let dirtyCount = 0;

  const notify = (i: number): void => {
    for (let k = 0; k < observers.length; k++)
      observers[k]!(offsets[i]!, sizes[i]!, halves[2 * i]!, halves[2 * i + 1]!);
  };
  const halvesFrom = (i: number, v: bigint): void => {
    if (v >= 0n && v <= 0xffffffffn) {
      halves[2 * i] = Number(v) | 0;
      halves[2 * i + 1] = 0;
    } else {
      halves[2 * i] = Number(BigInt.asIntN(32, v));
      halves[2 * i + 1] = Number(BigInt.asIntN(32, v >> 32n));
    }
  };
  /** The struct image: the field's bits (pointers truncated to their 32-bit field, as in the UAPI struct). */
  const writeImage = (i: number): void => {
    view.setInt32(offsets[i]!, halves[2 * i]!, true);
    if (sizes[i] === 8) view.setInt32(offsets[i]! + 4, halves[2 * i + 1]!, true);
  };
  const changed = (i: number): void => {
    writeImage(i);
    notify(i);
    table.generation++;
    if (dirty[i] === 0) {
      dirty[i] = 1;
      dirtyList[dirtyCount++] = i;
    }
  };
  fields.forEach((f, i) => {
    const v = values.get(f.name);
    if (v === undefined) return;
    fieldAt.fill(i, f.offset, f.offset + f.size);
    present[i] = 1;
    halvesFrom(i, v);
  });

  const find = (offset: number, size: number, write: boolean): number => {
    const i = offset >= 0 && offset < bytes.length ? fieldAt[offset]! : -1;
    // The checks run on every access; the message is only built when one fails.
    if (i >= 0 && offset + size <= offsets[i]! + sizes[i]! && (!write || writable[i] === 1)) {
      if (pointer[i] === 0 || (offset === offsets[i] && size === sizes[i])) return i;
    }
    throw new VmFault(refusal(structName, i < 0 ? undefined : fields[i], offset, size, write));
  };
  /** Sets field i from a caller's bigint (kept in `values` as given). */
  const put = (i: number, value: bigint): void => {
    values.set(fields[i]!.name, value);
    halvesFrom(i, value);
    changed(i);
  };
  /** Sets field i from halves already truncated to its size (a program's store). */
  const putHalves = (i: number, lo: number, hi: number): void => {
    halves[2 * i] = lo;
    halves[2 * i + 1] = hi;
    if (stored[i] === 0 || storedLo[i] !== lo || storedHi[i] !== hi) {
      storedBig[i] = sizes[i] === 8 ? toBigU(lo, hi) : BigInt(lo >>> 0);
      storedLo[i] = lo;
      storedHi[i] = hi;
      stored[i] = 1;
    }
    values.set(fields[i]!.name, storedBig[i]!);
    changed(i);
  };
  /** Puts field i's current bits in `scratch` (bytes 0..7). */
  const toScratch = (i: number): void => {
    scratch.setInt32(0, halves[2 * i]!, true);
    scratch.setInt32(4, halves[2 * i + 1]!, true);
  };

  /** A program's store of `size` bytes at `offset`: the value's low bits as int32 halves. */
  const storeHalves = (offset: number, size: number, lo: number, hi: number): void => {
    const i = find(offset, size, true);
    const whole = sizes[i]!;
    if (offset === offsets[i] && size === whole) return putHalves(i, lo, whole === 8 ? hi : 0);
    // A narrow store: the other bytes of the field keep theirs.
    toScratch(i);
    const at = offset - offsets[i]!;
    if (size === 4) scratch.setInt32(at, lo, true);
    else if (size === 2) scratch.setInt16(at, lo, true);
    else scratch.setInt8(at, lo);
    putHalves(i, scratch.getInt32(0, true), whole === 8 ? scratch.getInt32(4, true) : 0);
  };

  const table = {
    generation: 0,
    load(offset: number, size: number): bigint {
      const f = fields[find(offset, size, false)]!;
      const value = values.get(f.name)!;
      if (f.pointer) return value;
      return BigInt.asUintN(size * 8, value >> BigInt((offset - f.offset) * 8));
    },
    loadHalves(offset: number, size: number, R: Int32Array, d: number) {
      const i = find(offset, size, false);
      if (pointer[i] === 1 || (offset === offsets[i] && size === sizes[i])) {
        R[d] = halves[2 * i]!;
        R[d + 1] = halves[2 * i + 1]!;
        return;
      }
      // A narrow load (size < the field's): the addressed bytes, zero-extended.
      toScratch(i);
      const at = offset - offsets[i]!;
      R[d] = size === 4 ? scratch.getInt32(at, true) : size === 2 ? scratch.getUint16(at, true) : scratch.getUint8(at);
      R[d + 1] = 0;
    },
    store(offset: number, size: number, value: bigint) {
      storeHalves(offset, size, Number(BigInt.asIntN(32, value)), Number(BigInt.asIntN(32, value >> 32n)));
    },
    storeHalves,
    set(name: string, value: bigint) {
      const i = indexOf.get(name);
      if (i === undefined || present[i] === 0) throw new Error(`${structName} has no accessible field ${name}`);
      put(i, value);
    },
    assign(next: ReadonlyMap<string, bigint>) {
      for (let i = 0; i < count; i++) {
        const name = fields[i]!.name;
        const value = next.get(name);
        if (value !== undefined && present[i] === 1 && values.get(name) !== value) put(i, value);
      }
    },
    checkpoint() {
      for (let i = 0; i < count; i++) {
        if (present[i] === 0) continue;
        baseBig[i] = values.get(fields[i]!.name)!;
        baseHalves[2 * i] = halves[2 * i]!;
        baseHalves[2 * i + 1] = halves[2 * i + 1]!;
        dirty[i] = 0;
      }
      dirtyCount = 0;
    },
    restore() {
      if (dirtyCount === 0) return;
      for (let k = 0; k < dirtyCount; k++) {
        const i = dirtyList[k]!;
        dirty[i] = 0;
        values.set(fields[i]!.name, baseBig[i]!);
        halves[2 * i] = baseHalves[2 * i]!;
        halves[2 * i + 1] = baseHalves[2 * i + 1]!;
        writeImage(i);
        notify(i);
      }
      dirtyCount = 0;
      table.generation++;
    },
    observeFields(listener: FieldListener) {
      observers.push(listener);
      for (let i = 0; i < count; i++)
        if (present[i] === 1) listener(offsets[i]!, sizes[i]!, halves[2 * i]!, halves[2 * i + 1]!);
    },
  };
  return table;
}

function refusal(structName: string, f: CtxField | undefined, offset: number, size: number, write: boolean): string {
  const what = `invalid ${write ? 'write' : 'read'} of ${size} bytes at ${structName} offset ${offset}`;
  if (!f || offset + size > f.offset + f.size) return `${what}: no accessible field there`;
  if (write && f.access !== 'read-write') return `${what}: ${structName}.${f.name} is read-only`;
  return `${what}: pointer field ${structName}.${f.name} must be accessed whole`;
}
