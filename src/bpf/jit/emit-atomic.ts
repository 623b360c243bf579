/** Atomics the translator does inline, and the checked address computation they share. */
import { HI_BASE } from '../vm';
import { A, type Emitter, MEM, reg, T, W } from './emitter';
import { PACKET_FRAME, PACKET_FRAME_SIZE, TABLE_REGIONS, WRITE_TABLE, WRITTEN } from './layout';
import { Op } from './wasm-encoder';

/**
 * Leaves the linear address of `size` bytes at reg(base) + off on the stack when they lie inside
 * a region of `table` in linear memory; otherwise branches to the enclosing block (the slow path).
 * Leaves T = the guest address and A = its region index.
 */
export function checkedAddress(e: Emitter, base: number, off: number, size: number, table: number): void {
  const { c } = e;
  c.get(reg(base)).i64(BigInt(off)).op(Op.i64_add).tee(T);
  c.i64(32n).op(Op.i64_shr_u).op(Op.i32_wrap_i64).i32(HI_BASE).op(Op.i32_sub).tee(A);
  c.i32(TABLE_REGIONS * 2)
    .op(Op.i32_ge_u)
    .br(Op.br_if, 0);
  c.get(T).i64(0xffffffffn).op(Op.i64_and).i64(BigInt(size)).op(Op.i64_add);
  c.get(A)
    .i32(3)
    .op(Op.i32_shl)
    .mem(Op.i64_load32_u, table + 4, 2);
  c.op(Op.i64_gt_u).br(Op.br_if, 0);
  c.get(A).i32(3).op(Op.i32_shl).mem(Op.i32_load, table, 2);
  c.get(T).op(Op.i32_wrap_i64).op(Op.i32_add);
}

/**
 * After a compiled store at linear address W: sets WRITTEN when it hit the packet frame, the only
 * memory a runner restores. Map-value stores (a flow counter) then leave the packet unrewritten.
 */
export function markWritten(e: Emitter): void {
  const { c } = e;
  c.i32(0);
  c.get(W).i32(PACKET_FRAME).op(Op.i32_sub).i32(PACKET_FRAME_SIZE).op(Op.i32_lt_u);
  c.i32(0).mem(Op.i32_load, WRITTEN, 2).op(Op.i32_or);
  c.mem(Op.i32_store, WRITTEN, 2);
}

const OPERATIONS: Record<number, number> = { 0x00: Op.i64_add, 0x40: Op.i64_or, 0x50: Op.i64_and, 0xa0: Op.i64_xor };

/**
 * Atomic add/or/and/xor (with or without fetch) on writable linear memory: the guest has one
 * thread, so a load, the operation and a store. Exchanges and anything failing the check are the
 * interpreter's (which also reports atomics on the context). False: not handled here at all.
 */
export function emitAtomic(e: Emitter, pc: number, size: 4 | 8): boolean {
  const { c, p } = e;
  const code = p.imm[pc]!;
  const operation = OPERATIONS[code & ~1];
  if (operation === undefined) return false;
  const m = MEM[size]!;
  const src = reg(p.src2[pc]! >> 1);
  e.open(Op.block); // done
  e.open(Op.block); // slow
  checkedAddress(e, p.dst2[pc]! >> 1, p.off[pc]!, size, WRITE_TABLE);
  c.tee(W).get(W).mem(m.load, 0, 0).tee(T).get(src).op(operation).mem(m.store, 0, 0);
  markWritten(e);
  if ((code & 1) !== 0) c.get(T).set(src); // fetch: the old value (zero-extended for 32 bits)
  c.br(Op.br, 1);
  e.close();
  e.interpret(pc);
  e.close();
  return true;
}
