/**
 * Program contexts as data: each context struct (xdp_md, __sk_buff, ...) is a table of fields, and
 * one generic handler (ctx-table.ts) serves the interpreter's and the JIT's context loads and stores.
 *
 * Why a handler instead of plain bytes: the kernel rewrites context accesses. xdp_md.data is a
 * 32-bit field, yet `r2 = *(u32 *)(r1 + 0)` yields a full 64-bit packet pointer; fields may be
 * read-only; accesses outside a field are rejected. The table states all of that per field.
 */
import type { CtxHandler } from '../vm';

export { tableHandler } from './ctx-table';

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
  /**
   * Remembers every field's current value; restore() puts back exactly the fields changed since
   * (by index, allocation-free), so a runner resets the context per packet without rebuilding it.
   */
  checkpoint(): void;
  restore(): void;
  /** Grows on every change through set/assign/store, so a runner reusing the context can tell it is untouched. */
  readonly generation: number;
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
