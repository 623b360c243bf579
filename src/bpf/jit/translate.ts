/**
 * eBPF -> WebAssembly: the whole program (entry and subprograms) becomes one function
 *
 *   run(entry, steps, depth, budget) -> next
 *
 * with r0..r10 in i64 locals. Control flow uses the "nested blocks" shape: basic block i's code
 * follows the end of wasm block Bi, so a forward jump is a plain `br`; backward jumps and returns
 * from bpf-to-bpf calls go through a `br_table` on the target slot at the loop head. Calls keep an
 * explicit frame stack in linear memory laid out like Vm.frames, so the state is always the
 * interpreter's and can be handed over at any block boundary.
 *
 * What is not done inline is done by the interpreter itself through the `step` import: helper
 * calls, atomics, legacy packet loads, and any memory access whose fast check fails (program
 * context, map values, faults; whole context-field loads read a mirror, and context stores go to the
 * context's handler through `ctx_store`). That keeps faults, messages and helper semantics identical by
 * construction. `next` is -1 - pc after an exit at pc, or the slot where the interpreter must
 * continue (instruction budget about to run out, call depth exceeded, running off the end).
 */
import { MAX_CALL_FRAMES, type PreparedProgram, STACK_SIZE } from '../vm';
import { analyze, type Blocks, isLocalCall, isWideSlot, jumpTarget } from './analyze';
import {
  CTX_TABLE,
  FRAME_BYTES,
  FRAMES,
  MEMORY_PAGES,
  READ_TABLE,
  REGS,
  SCRATCH,
  STACK_HIGH,
  STACK_LINEAR,
  TABLE_REGIONS,
  WRITE_TABLE,
} from './layout';
import { checkedAddress, emitAtomic, markWritten } from './emit-atomic';
import { emitMapLookup } from './emit-map-lookup';
import {
  A,
  BUDGET,
  CTX_STORE_IMPORT,
  DEPTH,
  type Emitter,
  HELPER_IMPORT,
  MEM,
  NEXT,
  P_ENTRY,
  reg,
  SB,
  SIGNED_LOAD,
  STEP_IMPORT,
  STEPS,
  T,
  U,
  V,
  W,
} from './emitter';
import { BLOCK_VOID, Code, encodeModule, I32, I64, Op } from './wasm-encoder';

/** bpf_tail_call switches programs, which only the interpreter does. */
const BPF_FUNC_tail_call = 12;

/** The ALU opcodes the interpreter implements (anything else is its fault to report). */
const ALU_OPS = new Set([
  ...[0x07, 0x17, 0x27, 0x37, 0x47, 0x57, 0x67, 0x77, 0x87, 0x97, 0xa7, 0xb7, 0xc7, 0xd7],
  ...[0x0f, 0x1f, 0x2f, 0x3f, 0x4f, 0x5f, 0x6f, 0x7f, 0x9f, 0xaf, 0xbf, 0xcf],
  ...[0x04, 0x14, 0x24, 0x34, 0x44, 0x54, 0x64, 0x74, 0x84, 0x94, 0xa4, 0xb4, 0xc4, 0xd4],
  ...[0x0c, 0x1c, 0x2c, 0x3c, 0x4c, 0x5c, 0x6c, 0x7c, 0x9c, 0xac, 0xbc, 0xcc, 0xdc],
]);
/** LD_ABS and LD_IND opcodes and their sizes. */
const LEGACY_SIZE: Record<number, number> = { 0x20: 4, 0x28: 2, 0x30: 1, 0x40: 4, 0x48: 2, 0x50: 1 };
const SIZE_OF_FIELD: Record<number, 1 | 2 | 4 | 8> = { 0x00: 4, 0x08: 2, 0x10: 1, 0x18: 8 };

class Translator implements Emitter {
  readonly c = new Code();
  /** Structured constructs opened inside the current block's code. */
  private nest = 0;
  block = 0;

  constructor(
    readonly p: PreparedProgram,
    readonly b: Blocks,
  ) {}

  private get k(): number {
    return this.b.leaders.length;
  }

  /** Branch depth of the label whose end leads to block `target`'s code, from block `this.block`. */
  private depthOfBlock(target: number): number {
    return this.nest + (target - this.block - 1);
  }

  private get depthOfLoop(): number {
    return this.nest + (this.k - 1 - this.block);
  }

  private get depthOfExit(): number {
    return this.depthOfLoop + 1;
  }

  open(code: typeof Op.block | typeof Op.if | typeof Op.loop, type = BLOCK_VOID): void {
    this.c.block(code, type);
    this.nest++;
  }

  close(): void {
    this.c.op(Op.end);
    this.nest--;
  }

  /** Leaves the function with `next` = value (steps must already be right). */
  private leave(next: number): void {
    this.c.i32(next).set(NEXT).br(Op.br, this.depthOfExit);
  }

  /** steps = instructions executed before `pc` (the block's count was charged at its start). */
  private stepsBefore(pc: number): void {
    this.c.get(STEPS).i32(this.b.remaining[pc]!).op(Op.i32_sub);
  }

  /** Goes to slot `target`: a direct branch forward, the dispatcher backward. */
  private goto(target: number): void {
    const t = this.b.blockAt[target]!;
    if (t > this.block) this.c.br(Op.br, this.depthOfBlock(t));
    else this.c.i32(target).set(NEXT).br(Op.br, this.depthOfLoop);
  }

  private spill(): void {
    for (let n = 0; n <= 10; n++)
      this.c
        .i32(0)
        .get(reg(n))
        .mem(Op.i64_store, REGS + 8 * n, 3);
  }

  private reload(): void {
    for (let n = 0; n <= 10; n++)
      this.c
        .i32(0)
        .mem(Op.i64_load, REGS + 8 * n, 3)
        .set(reg(n));
  }

  /**
   * The interpreter executes the instruction at pc; an exit there ends the program. With `helper`
   * (a helper call's id) the machine calls the helper itself, as the interpreter's call does,
   * without entering the interpreter's loop.
   */
  interpret(pc: number, helper?: number): void {
    const c = this.c;
    this.spill();
    if (helper !== undefined) c.i32(helper);
    c.i32(pc);
    this.stepsBefore(pc);
    c.get(DEPTH)
      .call(helper === undefined ? STEP_IMPORT : HELPER_IMPORT)
      .set(U);
    this.reload();
    c.get(U);
    this.open(Op.if);
    this.stepsBefore(pc);
    c.i32(1).op(Op.i32_add).set(STEPS);
    this.leave(-1 - pc);
    this.close();
  }

  translate(): Code {
    const { c, p, b } = this;
    // Entry: registers from memory, the current frame's stack, then dispatch on the entry slot.
    this.reload();
    c.get(DEPTH).i32(2).op(Op.i32_shl).mem(Op.i32_load, STACK_LINEAR, 2).set(SB);
    c.get(P_ENTRY).set(NEXT);
    c.block(Op.block); // exit label
    c.block(Op.loop);
    for (let i = this.k - 1; i >= 0; i--) c.block(Op.block);
    const table = new Array<number>(p.slots + 1).fill(this.k + 1);
    b.leaders.forEach((pc, i) => (table[pc] = i));
    c.get(NEXT).brTable(table, this.k + 1);
    for (let i = 0; i < this.k; i++) {
      c.op(Op.end); // end of Bi: block i's code follows
      this.block = i;
      this.emitBlock(i);
    }
    c.op(Op.end); // loop
    c.op(Op.end); // exit label
    this.spill();
    c.i32(0).get(STEPS).mem(Op.i32_store, SCRATCH, 2);
    c.i32(0)
      .get(DEPTH)
      .mem(Op.i32_store, SCRATCH + 4, 2);
    c.get(NEXT);
    return c;
  }

  private emitBlock(i: number): void {
    const { c, p, b } = this;
    const start = b.leaders[i]!;
    if (start === p.slots) {
      this.leave(p.slots); // running off the end: the interpreter reports it
      return;
    }
    const length = b.lengths[i]!;
    // Charge the block; if the budget cannot cover it, the interpreter runs it and stops exactly.
    c.get(STEPS).i32(length).op(Op.i32_add).tee(STEPS).get(BUDGET).op(Op.i32_gt_u);
    this.open(Op.if);
    c.get(STEPS).i32(length).op(Op.i32_sub).set(STEPS);
    this.leave(start);
    this.close();
    const end = i + 1 < this.k ? b.leaders[i + 1]! : p.slots;
    let pc = start;
    for (; pc < end; pc += isWideSlot(p, pc) ? 2 : 1) this.emitInsn(pc);
  }

  private emitInsn(pc: number): void {
    const { p } = this;
    const op = p.op[pc]!;
    const cls = op & 7;
    if (cls === 0x07 || cls === 0x04) {
      if (!this.emitAlu(pc, op, cls === 0x07)) this.interpret(pc);
      return;
    }
    if (op === 0x18) {
      const value = (BigInt(p.immHi[pc]!) << 32n) | BigInt(p.imm[pc]! >>> 0);
      this.c.i64(value).set(reg(p.dst2[pc]! >> 1));
      return;
    }
    if (op === 0xc3 || op === 0xdb) {
      if (!emitAtomic(this, pc, op === 0xdb ? 8 : 4)) this.interpret(pc);
      return;
    }
    if (cls === 0x01 || cls === 0x02 || cls === 0x03) {
      if (!this.emitMemory(pc, op)) this.interpret(pc);
      return;
    }
    if (cls === 0x05 || cls === 0x06) {
      this.emitJump(pc, op);
      return;
    }
    if (LEGACY_SIZE[op] !== undefined) return this.emitLegacyLoad(pc, op, LEGACY_SIZE[op]);
    this.interpret(pc); // anything unknown: the interpreter decides (and faults)
  }

  /**
   * LD_ABS / LD_IND: r0 = big-endian load at skb->data + offset. The machine leaves the socket
   * buffer's region index and skb->data's offset in SCRATCH; negative offsets (the SKF_*_OFF
   * ranges), loads past the end (which end the program) and packets outside linear memory are the
   * interpreter's.
   */
  private emitLegacyLoad(pc: number, op: number, size: number): void {
    const { c, p } = this;
    this.open(Op.block); // done
    this.open(Op.block); // slow
    if (op >= 0x40)
      c.get(reg(p.src2[pc]! >> 1))
        .op(Op.i32_wrap_i64)
        .i32(p.imm[pc]!)
        .op(Op.i32_add);
    else c.i32(p.imm[pc]!);
    c.tee(V).i32(0).op(Op.i32_lt_s).br(Op.br_if, 0);
    c.i32(0)
      .mem(Op.i32_load, SCRATCH + 8, 2)
      .tee(A)
      .i32(TABLE_REGIONS * 2)
      .op(Op.i32_ge_u)
      .br(Op.br_if, 0);
    c.i32(0)
      .mem(Op.i32_load, SCRATCH + 12, 2)
      .get(V)
      .op(Op.i32_add)
      .tee(V);
    c.i32(size)
      .op(Op.i32_add)
      .get(A)
      .i32(3)
      .op(Op.i32_shl)
      .mem(Op.i32_load, READ_TABLE + 4, 2)
      .op(Op.i32_gt_u);
    c.br(Op.br_if, 0);
    c.get(A).i32(3).op(Op.i32_shl).mem(Op.i32_load, READ_TABLE, 2).get(V).op(Op.i32_add).set(U);
    if (size === 1) c.get(U).mem(Op.i64_load8_u, 0, 0);
    else if (size === 2) {
      c.get(U).mem(Op.i32_load8_u, 0, 0).i32(8).op(Op.i32_shl);
      c.get(U).mem(Op.i32_load8_u, 1, 0).op(Op.i32_or).op(Op.i64_extend_i32_u);
    } else {
      c.get(U).mem(Op.i32_load, 0, 0).set(U);
      c.get(U).i32(8).op(Op.i32_rotl).i32(0x00ff00ff).op(Op.i32_and);
      c.get(U)
        .i32(8)
        .op(Op.i32_rotr)
        .i32(0xff00ff00 | 0)
        .op(Op.i32_and);
      c.op(Op.i32_or).op(Op.i64_extend_i32_u);
    }
    c.set(reg(0)).br(Op.br, 1);
    this.close();
    this.interpret(pc);
    this.close();
  }

  private operand(pc: number, wide: boolean): void {
    const { c, p } = this;
    if ((p.op[pc]! & 0x08) !== 0) {
      c.get(reg(p.src2[pc]! >> 1));
      if (!wide) c.op(Op.i32_wrap_i64);
    } else if (wide) c.i64(BigInt(p.imm[pc]!));
    else c.i32(p.imm[pc]!);
  }

  /** ALU and ALU64; returns false for what the interpreter should do. */
  private emitAlu(pc: number, op: number, wide: boolean): boolean {
    const { c, p } = this;
    if (!ALU_OPS.has(op)) return false;
    const d = reg(p.dst2[pc]! >> 1);
    const code = op & 0xf0;
    const signed = p.off[pc] === 1;
    const dst = (): void => {
      c.get(d);
      if (!wide) c.op(Op.i32_wrap_i64);
    };
    const finish = (): void => {
      if (!wide) c.op(Op.i64_extend_i32_u);
      c.set(d);
    };
    const simple: Record<number, [number, number]> = {
      0x00: [Op.i64_add, Op.i32_add],
      0x10: [Op.i64_sub, Op.i32_sub],
      0x20: [Op.i64_mul, Op.i32_mul],
      0x40: [Op.i64_or, Op.i32_or],
      0x50: [Op.i64_and, Op.i32_and],
      0x60: [Op.i64_shl, Op.i32_shl],
      0x70: [Op.i64_shr_u, Op.i32_shr_u],
      0xa0: [Op.i64_xor, Op.i32_xor],
      0xc0: [Op.i64_shr_s, Op.i32_shr_s],
    };
    const pair = simple[code];
    if (pair) {
      dst();
      this.operand(pc, wide);
      c.op(wide ? pair[0] : pair[1]);
      finish();
      return true;
    }
    switch (code) {
      case 0x80: // neg
        if (wide) c.i64(0n);
        else c.i32(0);
        dst();
        c.op(wide ? Op.i64_sub : Op.i32_sub);
        finish();
        return true;
      case 0xb0: {
        // mov / movsx: the interpreter sign-extends 8 and 16, and 32 for any other non-zero off (64-bit)
        const bits = p.off[pc]!;
        this.operand(pc, wide);
        if ((op & 0x08) !== 0 && bits !== 0) {
          if (wide) c.op(bits === 8 ? Op.i64_extend8_s : bits === 16 ? Op.i64_extend16_s : Op.i64_extend32_s);
          else if (bits === 8 || bits === 16) c.op(bits === 8 ? Op.i32_extend8_s : Op.i32_extend16_s);
        }
        finish();
        return true;
      }
      case 0x30:
      case 0x90:
        this.emitDivMod(pc, wide, code === 0x90, signed);
        return true;
      case 0xd0:
        this.emitEndian(pc, op);
        return true;
      default:
        return false;
    }
  }

  /** RFC 9669 division: x / 0 = 0, x % 0 = x, INT_MIN / -1 = INT_MIN (wasm would trap on these). */
  private emitDivMod(pc: number, wide: boolean, mod: boolean, signed: boolean): void {
    const { c, p } = this;
    const d = reg(p.dst2[pc]! >> 1);
    const type = wide ? I64 : I32;
    const divisor = (): void => this.operand(pc, wide);
    const dst = (): void => {
      c.get(d);
      if (!wide) c.op(Op.i32_wrap_i64);
    };
    const zero = (): void => void (wide ? c.i64(0n) : c.i32(0));
    const minusOne = (): void => void (wide ? c.i64(-1n) : c.i32(-1));
    const eqz = wide ? Op.i64_eqz : Op.i32_eqz;
    const eq = wide ? Op.i64_eq : Op.i32_eq;
    const sub = wide ? Op.i64_sub : Op.i32_sub;
    const opcode = mod
      ? signed
        ? wide
          ? Op.i64_rem_s
          : Op.i32_rem_s
        : wide
          ? Op.i64_rem_u
          : Op.i32_rem_u
      : signed
        ? wide
          ? Op.i64_div_s
          : Op.i32_div_s
        : wide
          ? Op.i64_div_u
          : Op.i32_div_u;
    divisor();
    c.op(eqz);
    this.open(Op.if, type);
    if (mod) dst();
    else zero();
    c.op(Op.else);
    if (signed) {
      divisor();
      minusOne();
      c.op(eq);
      this.open(Op.if, type);
      // x / -1 = -x (wrapping, so INT_MIN stays INT_MIN); x % -1 = 0
      if (mod) zero();
      else {
        zero();
        dst();
        c.op(sub);
      }
      c.op(Op.else);
      dst();
      divisor();
      c.op(opcode);
      this.close();
    } else {
      dst();
      divisor();
      c.op(opcode);
    }
    this.close();
    if (!wide) c.op(Op.i64_extend_i32_u);
    c.set(d);
  }

  /** le (truncate), be and bswap (swap) of 16/32/64 bits. */
  private emitEndian(pc: number, op: number): void {
    const { c, p } = this;
    const d = reg(p.dst2[pc]! >> 1);
    const bits = p.imm[pc]!;
    const swap = op !== 0xd4;
    const bswap32 = (local: number): void => {
      // (rotl 8 & 0x00ff00ff) | (rotr 8 & 0xff00ff00)
      c.get(local).i32(8).op(Op.i32_rotl).i32(0x00ff00ff).op(Op.i32_and);
      c.get(local)
        .i32(8)
        .op(Op.i32_rotr)
        .i32(0xff00ff00 | 0)
        .op(Op.i32_and);
      c.op(Op.i32_or);
    };
    if (bits === 16) {
      c.get(d).op(Op.i32_wrap_i64).set(U);
      if (swap) {
        c.get(U).i32(8).op(Op.i32_shl).i32(0xff00).op(Op.i32_and);
        c.get(U).i32(8).op(Op.i32_shr_u).i32(0xff).op(Op.i32_and);
        c.op(Op.i32_or);
      } else c.get(U).i32(0xffff).op(Op.i32_and);
      c.op(Op.i64_extend_i32_u).set(d);
    } else if (bits === 32) {
      c.get(d).op(Op.i32_wrap_i64).set(U);
      if (swap) bswap32(U);
      else c.get(U);
      c.op(Op.i64_extend_i32_u).set(d);
    } else if (swap) {
      c.get(d).op(Op.i32_wrap_i64).set(U);
      c.get(d).i64(32n).op(Op.i64_shr_u).op(Op.i32_wrap_i64).set(V);
      bswap32(U);
      c.op(Op.i64_extend_i32_u).i64(32n).op(Op.i64_shl);
      bswap32(V);
      c.op(Op.i64_extend_i32_u).op(Op.i64_or).set(d);
    }
    // le64 is a no-op on this little-endian machine; other widths are rejected by the decoder.
  }

  /** LDX, ST, STX (not atomics). Returns false for what the interpreter should do. */
  private emitMemory(pc: number, op: number): boolean {
    const { c, p } = this;
    const cls = op & 7;
    const mode = op & 0xe0;
    const size = SIZE_OF_FIELD[op & 0x18]!;
    const m = MEM[size]!;
    const isLoad = cls === 0x01;
    if (mode !== 0x60 && !(isLoad && mode === 0x80)) return false; // MEM, or MEMSX for loads
    const signed = mode === 0x80;
    if (signed && size === 8) return false;
    const baseReg = isLoad ? p.src2[pc]! >> 1 : p.dst2[pc]! >> 1;
    const off = p.off[pc]!;
    const access = (): void => {
      if (isLoad) c.mem(signed ? SIGNED_LOAD[size]! : m.load, 0, m.align).set(reg(p.dst2[pc]! >> 1));
      else {
        if (cls === 0x03) c.get(reg(p.src2[pc]! >> 1));
        else c.i64(BigInt(p.imm[pc]!));
        c.mem(m.store, 0, m.align);
      }
    };
    if (this.b.r10Fixed && baseReg === 10 && off >= -STACK_SIZE && off + size <= 0) {
      // r10 is never written, so this is inside the current frame's stack: no check needed.
      c.get(SB)
        .i32(STACK_SIZE + off)
        .op(Op.i32_add);
      access();
      return true;
    }
    this.open(Op.block); // done
    this.open(Op.block); // slow
    checkedAddress(this, baseReg, off, size, isLoad ? READ_TABLE : WRITE_TABLE);
    if (!isLoad) c.tee(W);
    access();
    if (!isLoad) markWritten(this);
    c.br(Op.br, 1);
    this.close();
    if (isLoad && !signed && (size === 4 || size === 8)) this.emitCtxLoad(pc, size);
    if (!isLoad) this.emitCtxStore(pc, size);
    this.interpret(pc);
    this.close();
    return true;
  }

  /**
   * A whole-field load from a program context (ctx->data, skb->len, ...) read from the mirror the
   * machine keeps; anything else (narrow loads, stores, missing fields) stays with the interpreter.
   * Runs after the region check failed, with T = address and A = its region index.
   */
  private emitCtxLoad(pc: number, size: number): void {
    const { c, p } = this;
    this.open(Op.block); // interpret
    c.get(A)
      .i32(TABLE_REGIONS * 2)
      .op(Op.i32_ge_u)
      .br(Op.br_if, 0);
    c.get(A).i32(4).op(Op.i32_shl).mem(Op.i32_load, CTX_TABLE, 2).tee(U).op(Op.i32_eqz).br(Op.br_if, 0);
    c.get(T).op(Op.i32_wrap_i64).tee(V).i32(3).op(Op.i32_and).br(Op.br_if, 0);
    c.get(V)
      .get(A)
      .i32(4)
      .op(Op.i32_shl)
      .mem(Op.i32_load, CTX_TABLE + 4, 2)
      .op(Op.i32_ge_u)
      .br(Op.br_if, 0);
    c.get(A)
      .i32(4)
      .op(Op.i32_shl)
      .mem(Op.i32_load, CTX_TABLE + 8, 2)
      .get(V)
      .i32(2)
      .op(Op.i32_shr_u)
      .op(Op.i32_add);
    c.mem(Op.i32_load8_u, 0, 0).i32(size).op(Op.i32_ne).br(Op.br_if, 0);
    c.get(U).get(V).i32(1).op(Op.i32_shl).op(Op.i32_add).mem(Op.i64_load, 0, 0);
    c.set(reg(p.dst2[pc]! >> 1));
    c.br(Op.br, 1); // done
    this.close();
  }

  /**
   * A store to a program context (skb->mark = ...) handed to the context's handler through the
   * `ctx_store` import, without spilling registers into the interpreter; the import answers 0 for
   * anything it does not take (no such region, a refused field), and the interpreter then runs the
   * instruction and raises its fault. Runs after the region check failed (T = address, A = index).
   */
  private emitCtxStore(pc: number, size: number): void {
    const { c, p } = this;
    this.open(Op.block); // interpret
    c.get(A)
      .i32(TABLE_REGIONS * 2)
      .op(Op.i32_ge_u)
      .br(Op.br_if, 0);
    c.get(A).i32(4).op(Op.i32_shl).mem(Op.i32_load, CTX_TABLE, 2).op(Op.i32_eqz).br(Op.br_if, 0);
    c.get(A).get(T).op(Op.i32_wrap_i64).i32(size);
    if ((p.op[pc]! & 7) === 0x03) {
      const src = reg(p.src2[pc]! >> 1);
      c.get(src).op(Op.i32_wrap_i64);
      c.get(src).i64(32n).op(Op.i64_shr_u).op(Op.i32_wrap_i64);
    } else c.i32(p.imm[pc]!).i32(p.imm[pc]! >> 31);
    c.call(CTX_STORE_IMPORT).br(Op.br_if, 1); // done
    this.close();
  }

  private emitJump(pc: number, op: number): void {
    const { c, p } = this;
    if (op === 0x95) return this.emitExit(pc);
    if (isLocalCall(p, pc)) return this.emitCall(pc);
    if (op === 0x85 && p.src2[pc] === 0 && p.imm[pc] === 1) return emitMapLookup(this, pc);
    if (op === 0x85 && p.src2[pc] === 0 && p.imm[pc] !== BPF_FUNC_tail_call) return this.interpret(pc, p.imm[pc]);
    const target = jumpTarget(p, pc);
    if (target === null) return this.interpret(pc); // helper calls, callx, kfuncs
    if (op === 0x05 || op === 0x06) return this.goto(target);
    const wide = (op & 7) === 0x05;
    const d = reg(p.dst2[pc]! >> 1);
    const code = op & 0xf0;
    c.get(d);
    if (!wide) c.op(Op.i32_wrap_i64);
    this.operand(pc, wide);
    if (code === 0x40) {
      c.op(wide ? Op.i64_and : Op.i32_and);
      c.op(wide ? Op.i64_eqz : Op.i32_eqz).op(Op.i32_eqz);
    } else {
      const cmp: Record<number, [number, number]> = {
        0x10: [Op.i64_eq, Op.i32_eq],
        0x50: [Op.i64_ne, Op.i32_ne],
        0x20: [Op.i64_gt_u, Op.i32_gt_u],
        0x30: [Op.i64_ge_u, Op.i32_ge_u],
        0xa0: [Op.i64_lt_u, Op.i32_lt_u],
        0xb0: [Op.i64_le_u, Op.i32_le_u],
        0x60: [Op.i64_gt_s, Op.i32_gt_s],
        0x70: [Op.i64_ge_s, Op.i32_ge_s],
        0xc0: [Op.i64_lt_s, Op.i32_lt_s],
        0xd0: [Op.i64_le_s, Op.i32_le_s],
      };
      const pair = cmp[code];
      if (!pair) {
        c.op(Op.drop).op(Op.drop);
        return this.interpret(pc);
      }
      c.op(wide ? pair[0] : pair[1]);
    }
    const t = this.b.blockAt[target]!;
    if (t > this.block) c.br(Op.br_if, this.depthOfBlock(t));
    else {
      this.open(Op.if);
      this.goto(target);
      this.close();
    }
  }

  private emitCall(pc: number): void {
    const { c, p } = this;
    const target = pc + p.imm[pc]! + 1;
    // Too deep: the interpreter executes the call and raises the kernel's error.
    c.get(DEPTH)
      .i32(MAX_CALL_FRAMES - 1)
      .op(Op.i32_ge_u);
    this.open(Op.if);
    this.stepsBefore(pc);
    c.set(STEPS);
    this.leave(pc);
    this.close();
    c.get(DEPTH).i32(FRAME_BYTES).op(Op.i32_mul).set(A);
    for (let n = 6; n <= 10; n++)
      c.get(A)
        .get(reg(n))
        .mem(Op.i64_store, FRAMES + 8 * (n - 6), 0);
    c.get(A)
      .i32(pc + 1)
      .mem(Op.i32_store, FRAMES + 40, 0);
    c.get(DEPTH).i32(1).op(Op.i32_add).tee(DEPTH);
    c.i32(2).op(Op.i32_shl).tee(A).mem(Op.i32_load, STACK_LINEAR, 2).tee(SB);
    c.i32(0).i32(STACK_SIZE).memoryFill();
    c.get(A).mem(Op.i64_load32_u, STACK_HIGH, 2).i64(32n).op(Op.i64_shl).i64(BigInt(STACK_SIZE)).op(Op.i64_or);
    c.set(reg(10));
    this.goto(target);
  }

  private emitExit(pc: number): void {
    const { c } = this;
    c.get(DEPTH).op(Op.i32_eqz);
    this.open(Op.if);
    this.leave(-1 - pc);
    this.close();
    c.get(DEPTH).i32(1).op(Op.i32_sub).tee(DEPTH).i32(FRAME_BYTES).op(Op.i32_mul).set(A);
    for (let n = 6; n <= 10; n++)
      c.get(A)
        .mem(Op.i64_load, FRAMES + 8 * (n - 6), 0)
        .set(reg(n));
    c.get(A)
      .mem(Op.i32_load, FRAMES + 40, 0)
      .set(NEXT);
    c.get(DEPTH).i32(2).op(Op.i32_shl).mem(Op.i32_load, STACK_LINEAR, 2).set(SB);
    c.br(Op.br, this.depthOfLoop);
  }
}

export interface Translation {
  readonly wasm: Uint8Array;
}

/** The module for a prepared program, or the reason the JIT cannot take it. */
export function translate(p: PreparedProgram): Translation | string {
  const blocks = analyze(p);
  if (typeof blocks === 'string') return blocks;
  const body = new Translator(p, blocks).translate();
  const wasm = encodeModule({
    imports: [
      { name: 'step', type: { params: [I32, I32, I32], results: [I32] } },
      { name: 'map_lookup', type: { params: [I32, I32], results: [I32] } },
      { name: 'helper', type: { params: [I32, I32, I32, I32], results: [I32] } },
      { name: 'ctx_store', type: { params: [I32, I32, I32, I32, I32], results: [I32] } },
    ],
    memoryPages: MEMORY_PAGES,
    func: {
      type: { params: [I32, I32, I32, I32], results: [I32] },
      locals: [
        { count: 11, type: I64 },
        { count: 1, type: I32 },
        { count: 1, type: I64 },
        { count: 5, type: I32 },
      ],
      body,
    },
    exportName: 'run',
  });
  return { wasm };
}
