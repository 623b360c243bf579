/**
 * What the translator's parts share: the wasm function's locals and imports, the memory access
 * opcodes by size, and the view of the translator that emitters outside translate.ts use.
 */
import type { PreparedProgram } from '../vm';
import type { Blocks } from './analyze';
import { type BLOCK_VOID, type Code, Op } from './wasm-encoder';

// Locals: parameters first, then registers and temporaries.
export const P_ENTRY = 0;
export const STEPS = 1;
export const DEPTH = 2;
export const BUDGET = 3;
export const R0 = 4;
export const NEXT = 15;
export const T = 16;
export const A = 17;
export const SB = 18;
export const U = 19;
export const V = 20;
export const W = 21;
export const reg = (n: number): number => R0 + n;

export const STEP_IMPORT = 0;
export const MAP_LOOKUP_IMPORT = 1;
export const HELPER_IMPORT = 2;
export const CTX_STORE_IMPORT = 3;

interface MemOp {
  readonly size: 1 | 2 | 4 | 8;
  readonly load: number;
  readonly store: number;
  readonly align: number;
}
export const MEM: Record<number, MemOp> = {
  1: { size: 1, load: Op.i64_load8_u, store: Op.i64_store8, align: 0 },
  2: { size: 2, load: Op.i64_load16_u, store: Op.i64_store16, align: 0 },
  4: { size: 4, load: Op.i64_load32_u, store: Op.i64_store32, align: 0 },
  8: { size: 8, load: Op.i64_load, store: Op.i64_store, align: 0 },
};
export const SIGNED_LOAD: Record<number, number> = { 1: Op.i64_load8_s, 2: Op.i64_load16_s, 4: Op.i64_load32_s };

/** The translator as emitters see it. */
export interface Emitter {
  readonly c: Code;
  readonly p: PreparedProgram;
  readonly b: Blocks;
  /** Index of the basic block being emitted. */
  readonly block: number;
  /** Opens a structured construct inside the current block's code (close() ends it). */
  open(code: typeof Op.block | typeof Op.if | typeof Op.loop, type?: typeof BLOCK_VOID): void;
  close(): void;
  /** The interpreter (or, with `helper`, the helper call) executes the instruction at pc. */
  interpret(pc: number, helper?: number): void;
}
