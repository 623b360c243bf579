/**
 * bpf_map_lookup_elem in compiled code, for maps the machine described in MAP_TABLE (map-table.ts).
 * r1..r5 keep their values, as after the interpreter's helper calls; anything the table does not
 * cover is the interpreter's call.
 */
import { HI_BASE, STACK_SIZE } from '../vm';
import { A, type Emitter, MAP_LOOKUP_IMPORT, reg, SB, T, U, V, W } from './emitter';
import { knownBefore } from './known-values';
import { MAP_ENTRY, MAP_TABLE, READ_TABLE, TABLE_REGIONS } from './layout';
import { MAP_KIND_ARRAY } from './map-table';
import { Op } from './wasm-encoder';

/** MAP_TABLE entry of a constant map pointer (offset 0 of a mirrored region), or null. */
function mapEntryOf(address: bigint): number | null {
  if ((address & 0xffffffffn) !== 0n) return null;
  const index = (Number(address >> 32n) - HI_BASE) >>> 0;
  return index % 2 === 0 && index < TABLE_REGIONS * 2 ? MAP_TABLE + (index / 2) * MAP_ENTRY : null;
}

/** r0 = index >= max_entries ? NULL : values[0] + index * stride, with the entry at `entry` and the index in V. */
function arrayElement(e: Emitter, entry: () => void): void {
  const { c } = e;
  c.get(V);
  entry();
  c.mem(Op.i32_load, 8, 2).op(Op.i32_ge_u);
  e.open(Op.if);
  c.i64(0n).set(reg(0));
  c.op(Op.else);
  entry();
  c.mem(Op.i64_load, 16, 3).get(V);
  entry();
  c.mem(Op.i32_load, 12, 2).op(Op.i32_mul).op(Op.i64_extend_i32_u).op(Op.i64_add).set(reg(0));
  e.close();
}

/**
 * The call at pc. When the block itself makes r1 a constant map pointer and r2 a pointer into this
 * frame's stack, an array needs no check but its kind; otherwise everything is checked at run time.
 */
export function emitMapLookup(e: Emitter, pc: number): void {
  const { c, p, b } = e;
  const start = b.leaders[e.block]!;
  const map = knownBefore(p, start, pc, 1, b.r10Fixed);
  const key = knownBefore(p, start, pc, 2, b.r10Fixed);
  const entry = map?.kind === 'const' ? mapEntryOf(map.value) : null;
  if (entry === null || key?.kind !== 'stack' || key.offset < -STACK_SIZE || key.offset + 4 > 0)
    return emitGeneralLookup(e, pc);
  e.open(Op.block); // done
  e.open(Op.block); // general
  c.i32(entry).mem(Op.i32_load, 0, 2).i32(MAP_KIND_ARRAY).op(Op.i32_ne).br(Op.br_if, 0);
  c.get(SB)
    .mem(Op.i32_load, STACK_SIZE + key.offset, 0)
    .set(V);
  arrayElement(e, () => c.i32(entry));
  c.br(Op.br, 1);
  e.close();
  emitGeneralLookup(e, pc);
  e.close();
}

/**
 * Every check at run time: r1 a map pointer (offset 0 of an even region index) with an entry, the
 * key readable in linear memory for key_size bytes. Arrays answer here, hash maps through the
 * map_lookup import (the map's own lookup: LRU bookkeeping, per-CPU slots).
 */
function emitGeneralLookup(e: Emitter, pc: number): void {
  const { c } = e;
  e.open(Op.block); // done
  e.open(Op.block); // slow
  c.get(reg(1)).i64(32n).op(Op.i64_shr_u).op(Op.i32_wrap_i64).i32(HI_BASE).op(Op.i32_sub).tee(U);
  c.i32(TABLE_REGIONS * 2).op(Op.i32_ge_u);
  c.get(U).i32(1).op(Op.i32_and).op(Op.i32_or);
  c.get(reg(1)).op(Op.i32_wrap_i64).op(Op.i32_or).br(Op.br_if, 0);
  // U = the entry's linear offset.
  c.get(U)
    .i32(MAP_ENTRY / 2)
    .op(Op.i32_mul)
    .i32(MAP_TABLE)
    .op(Op.i32_add)
    .tee(U)
    .mem(Op.i32_load, 0, 2)
    .op(Op.i32_eqz)
    .br(Op.br_if, 0);
  // W = the key's linear offset.
  c.get(reg(2)).tee(T).i64(32n).op(Op.i64_shr_u).op(Op.i32_wrap_i64).i32(HI_BASE).op(Op.i32_sub).tee(A);
  c.i32(TABLE_REGIONS * 2)
    .op(Op.i32_ge_u)
    .br(Op.br_if, 0);
  c.get(T).i64(0xffffffffn).op(Op.i64_and).get(U).mem(Op.i64_load32_u, 4, 2).op(Op.i64_add);
  c.get(A)
    .i32(3)
    .op(Op.i32_shl)
    .mem(Op.i64_load32_u, READ_TABLE + 4, 2);
  c.op(Op.i64_gt_u).br(Op.br_if, 0);
  c.get(A).i32(3).op(Op.i32_shl).mem(Op.i32_load, READ_TABLE, 2).get(T).op(Op.i32_wrap_i64).op(Op.i32_add).set(W);
  c.get(U).mem(Op.i32_load, 0, 2).i32(MAP_KIND_ARRAY).op(Op.i32_eq);
  e.open(Op.if);
  c.get(W).mem(Op.i32_load, 0, 0).set(V);
  arrayElement(e, () => c.get(U));
  c.op(Op.else);
  c.get(U).mem(Op.i32_load, 8, 2).get(W).call(MAP_LOOKUP_IMPORT).tee(V).i32(0).op(Op.i32_lt_s);
  e.open(Op.if);
  c.i64(0n).set(reg(0));
  c.op(Op.else);
  c.get(U).mem(Op.i64_load, 16, 3).get(V).op(Op.i64_extend_i32_u).op(Op.i64_add).set(reg(0));
  e.close();
  e.close();
  c.br(Op.br, 1); // done
  e.close();
  e.interpret(pc);
  e.close();
}
