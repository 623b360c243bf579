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

/**
 * A handler over `fields` whose values live in `values` (stores update them, and `bytes`, the
 * struct image helpers see). Narrow loads of plain fields read the addressed bytes, as the kernel allows.
 */
export function tableHandler(
  structName: string,
  fields: readonly CtxField[],
  values: FieldValues,
  bytes: Uint8Array,
): CtxHandler {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const find = (offset: number, size: number, write: boolean): CtxField => {
    const f = fields.find((c) => offset >= c.offset && offset + size <= c.offset + c.size);
    const what = `${write ? 'write' : 'read'} of ${size} bytes at ${structName} offset ${offset}`;
    if (!f || !values.has(f.name)) throw new VmFault(`invalid ${what}: no accessible field there`);
    if (write && f.access !== 'read-write') throw new VmFault(`invalid ${what}: ${structName}.${f.name} is read-only`);
    if (f.pointer && (offset !== f.offset || size !== f.size))
      throw new VmFault(`invalid ${what}: pointer field ${structName}.${f.name} must be accessed whole`);
    return f;
  };
  return {
    load(offset, size) {
      const f = find(offset, size, false);
      const value = values.get(f.name)!;
      if (f.pointer) return value;
      const shift = BigInt((offset - f.offset) * 8);
      return BigInt.asUintN(size * 8, value >> shift);
    },
    store(offset, size, value) {
      const f = find(offset, size, true);
      const shift = BigInt((offset - f.offset) * 8);
      const mask = ((1n << BigInt(size * 8)) - 1n) << shift;
      const next = (values.get(f.name)! & ~mask) | ((value << shift) & mask);
      values.set(f.name, BigInt.asUintN(f.size * 8, next));
      writeField(view, f, values.get(f.name)!);
    },
  };
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
