/**
 * Program contexts as data: each context struct (xdp_md, __sk_buff, ...) is a table of fields, and
 * one generic handler serves the interpreter's context loads and stores from that table.
 *
 * Why a handler instead of plain bytes: the kernel rewrites context accesses. xdp_md.data is a
 * 32-bit field, yet `r2 = *(u32 *)(r1 + 0)` yields a full 64-bit packet pointer; fields may be
 * read-only; accesses outside a field are rejected. The table states all of that per field.
 */
import { type CtxHandler, VmFault } from '../vm';

export type FieldAccess = 'read' | 'read-write';

export interface CtxField {
  readonly name: string;
  readonly offset: number;
  readonly size: 4 | 8;
  readonly access: FieldAccess;
  /** Pointer fields must be loaded whole; the value is a guest address, not the stored bits. */
  readonly pointer: boolean;
  /** What the kernel puts there for BPF_PROG_TEST_RUN (checked by tests/kernel/vm-ctx.test.ts). */
  readonly meaning: string;
}

export const field = (
  name: string,
  offset: number,
  meaning: string,
  opts: { size?: 4 | 8; access?: FieldAccess; pointer?: boolean } = {},
): CtxField => ({
  name,
  offset,
  size: opts.size ?? 4,
  access: opts.access ?? 'read',
  pointer: opts.pointer ?? false,
  meaning,
});

/** The current value of every field of one context instance, by field name. */
export type FieldValues = Map<string, bigint>;

/** A context handler plus the way runners and helpers change a field (e.g. data after adjust_head). */
export interface CtxTable extends CtxHandler {
  set(name: string, value: bigint): void;
  /** Sets every field to its value in `next` (fields missing there keep theirs); only changed ones are written. */
  assign(next: ReadonlyMap<string, bigint>): void;
  /** Grows on every change through set/assign/store, so a runner reusing the context can tell it is untouched. */
  readonly generation: number;
}

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
  // Field index per byte offset, and each accessible field's value as int32 halves, so the
  // interpreter's per-packet loads (ctx->data, ctx->data_end) need no search and no BigInt.
  const fieldAt = new Int16Array(bytes.length + 8).fill(-1);
  const halves = new Int32Array(fields.length * 2);
  const observers: ((offset: number, size: number, lo: number, hi: number) => void)[] = [];
  const sync = (i: number): void => {
    const v = values.get(fields[i]!.name) ?? 0n;
    halves[2 * i] = Number(BigInt.asIntN(32, v));
    halves[2 * i + 1] = Number(BigInt.asIntN(32, v >> 32n));
    for (const o of observers) o(fields[i]!.offset, fields[i]!.size, halves[2 * i]!, halves[2 * i + 1]!);
  };
  fields.forEach((f, i) => {
    if (!values.has(f.name)) return;
    fieldAt.fill(i, f.offset, f.offset + f.size);
    sync(i);
  });
  const find = (offset: number, size: number, write: boolean): number => {
    const i = offset >= 0 && offset < bytes.length ? fieldAt[offset]! : -1;
    const f = i < 0 ? undefined : fields[i]!;
    // The checks run on every access; the message is only built when one fails.
    if (f && offset + size <= f.offset + f.size && (!write || f.access === 'read-write')) {
      if (!f.pointer || (offset === f.offset && size === f.size)) return i;
    }
    throw new VmFault(refusal(structName, f, offset, size, write));
  };
  const load = (offset: number, size: number): bigint => {
    const f = fields[find(offset, size, false)]!;
    const value = values.get(f.name)!;
    if (f.pointer) return value;
    return BigInt.asUintN(size * 8, value >> BigInt((offset - f.offset) * 8));
  };
  const put = (i: number, value: bigint): void => {
    values.set(fields[i]!.name, value);
    writeField(view, fields[i]!, BigInt.asUintN(fields[i]!.size * 8, value));
    sync(i);
    table.generation++;
  };
  const table = {
    generation: 0,
    load,
    set(name: string, value: bigint) {
      const i = fields.findIndex((f) => f.name === name);
      if (i < 0 || !values.has(name)) throw new Error(`${structName} has no accessible field ${name}`);
      put(i, value);
    },
    assign(next: ReadonlyMap<string, bigint>) {
      fields.forEach((f, i) => {
        const value = next.get(f.name);
        if (value !== undefined && values.has(f.name) && values.get(f.name) !== value) put(i, value);
      });
    },
    observeFields(listener: (offset: number, size: number, lo: number, hi: number) => void) {
      observers.push(listener);
      fields.forEach((f, i) => {
        if (values.has(f.name)) listener(f.offset, f.size, halves[2 * i]!, halves[2 * i + 1]!);
      });
    },
    loadHalves(offset: number, size: number, R: Int32Array, d: number) {
      const i = find(offset, size, false);
      const f = fields[i]!;
      if (f.pointer || (offset === f.offset && size === f.size)) {
        R[d] = halves[2 * i]!;
        R[d + 1] = halves[2 * i + 1]!;
        return;
      }
      const v = load(offset, size);
      R[d] = Number(BigInt.asIntN(32, v));
      R[d + 1] = Number(BigInt.asIntN(32, v >> 32n));
    },
    store(offset: number, size: number, value: bigint) {
      const i = find(offset, size, true);
      const f = fields[i]!;
      const shift = BigInt((offset - f.offset) * 8);
      const mask = ((1n << BigInt(size * 8)) - 1n) << shift;
      const next = (values.get(f.name)! & ~mask) | ((value << shift) & mask);
      put(i, BigInt.asUintN(f.size * 8, next));
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

function writeField(view: DataView, f: CtxField, value: bigint): void {
  if (f.size === 8) view.setBigUint64(f.offset, value, true);
  else view.setUint32(f.offset, Number(BigInt.asUintN(32, value)), true);
}

/** The struct image: each field's value (pointers truncated to their 32-bit field, as in the UAPI struct). */
export function structBytes(size: number, fields: readonly CtxField[], values: FieldValues): Uint8Array {
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  for (const f of fields) {
    const v = values.get(f.name);
    if (v !== undefined) writeField(view, f, BigInt.asUintN(f.size * 8, v));
  }
  return bytes;
}
