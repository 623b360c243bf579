/**
 * ALU instructions: operand checks, moves, scalar arithmetic and the pointer arithmetic rules
 * (which pointers may move, by what, and what the kernel says when they may not).
 */
import { AluOp } from '../isa';
import { syncBounds } from './bounds';
import { fail, reg, type Checker } from './context';
import { aluOpString } from './disasm';
import { regTypeName } from './print';
import { copyReg, isPktPointer, isPointer, knownScalar, markUnbounded, unknownScalar, type Reg } from './reg';
import { sanitizeAfter, sanitizeBefore } from './sanitize';
import { applyView, scalarAlu, signExtend } from './scalar-alu';
import { tnumAdd, tnumSub } from './tnum';

const MAX_VAR_OFF = 1 << 29;

/** The kernel's check_reg_arg for a source operand. */
export function checkRead(c: Checker, r: number): Reg {
  const x = reg(c, r);
  c.scratchReg(c.state.cur, r);
  if (x.type === 'not_init') fail(c, `R${r} !read_ok`);
  return x;
}

/** The kernel's check_reg_arg for a destination operand. */
export function checkWrite(c: Checker, r: number): void {
  c.scratchReg(c.state.cur, r);
  if (r === 10) fail(c, 'frame pointer is read only');
}

export function setReg(c: Checker, r: number, value: Reg): void {
  c.state.frames[c.state.cur]!.regs[r] = value;
}

/** Unprivileged programs may not turn pointers into numbers they can see. */
function isLeakable(c: Checker, r: Reg): boolean {
  return !c.privileged && isPointer(r);
}

export function checkAlu(c: Checker): void {
  const i = c.insn;
  const op = i.opcode & 0xf0;
  const bits = i.spec.width;
  const shape = i.spec.shape;
  if (shape === 'neg' || shape === 'endian') {
    const d = checkRead(c, i.dst);
    if (isLeakable(c, d)) fail(c, `R${i.dst} pointer arithmetic prohibited`);
    checkWrite(c, i.dst);
    if (d.type !== 'scalar') return setReg(c, i.dst, unknownScalar());
    const out = copyReg(d);
    if (shape === 'neg') scalarAlu(out, out, AluOp.NEG, bits);
    else endian(out, i.spec.mnemonic, i.imm);
    out.id = 0;
    return setReg(c, i.dst, out);
  }
  if (op === AluOp.MOV) return checkMov(c);
  const src = i.spec.usesSrcReg ? checkRead(c, i.src) : knownScalar(BigInt(i.imm));
  const dst = checkRead(c, i.dst);
  checkWrite(c, i.dst);
  if ((op === AluOp.DIV || op === AluOp.MOD) && !i.spec.usesSrcReg && i.imm === 0) fail(c, 'div by zero');
  if ((op === AluOp.LSH || op === AluOp.RSH || op === AluOp.ARSH) && !i.spec.usesSrcReg && (i.imm < 0 || i.imm >= bits))
    fail(c, `invalid shift ${i.imm}`);
  if (dst.type === 'scalar' && src.type === 'scalar') {
    const out = copyReg(dst);
    out.id = 0;
    scalarAlu(out, src, op, bits);
    return setReg(c, i.dst, out);
  }
  return pointerAlu(c, dst, src, op, bits);
}

function endian(r: Reg, mnemonic: string, width: number): void {
  // On a little-endian machine `le` only truncates; `be` and `bswap` reorder bytes.
  if (mnemonic.startsWith('le')) {
    const mask = (1n << BigInt(width)) - 1n;
    if (width < 64) {
      const v = {
        smin: 0n,
        smax: mask,
        umin: 0n,
        umax: mask,
        t: { value: r.varOff.value & mask, mask: r.varOff.mask & mask },
      };
      if (r.umax <= mask) [v.umin, v.umax, v.smin, v.smax] = [r.umin, r.umax, r.umin, r.umax];
      applyView(r, v, 64);
    }
    return;
  }
  if (r.varOff.mask === 0n) {
    let v = r.varOff.value;
    let out = 0n;
    for (let k = 0; k < width / 8; k++) {
      out = (out << 8n) | (v & 0xffn);
      v >>= 8n;
    }
    const known = knownScalar(out);
    Object.assign(r, known);
    return;
  }
  markUnbounded(r);
  if (width < 64) {
    r.umax = (1n << BigInt(width)) - 1n;
    syncBounds(r);
  }
}

function checkMov(c: Checker): void {
  const i = c.insn;
  const bits = i.spec.width;
  if (!i.spec.usesSrcReg) {
    checkWrite(c, i.dst);
    const v = bits === 64 ? BigInt(i.imm) : BigInt(i.imm >>> 0);
    return setReg(c, i.dst, knownScalar(v));
  }
  const src = checkRead(c, i.src);
  checkWrite(c, i.dst);
  if (i.spec.shape === 'movsx') {
    if (src.type !== 'scalar') {
      if (!c.privileged) fail(c, `R${i.src} sign-extension part of pointer`);
      return setReg(c, i.dst, unknownScalar());
    }
    const out = copyReg(src);
    out.id = 0;
    signExtend(out, i.spec.size, bits);
    return setReg(c, i.dst, out);
  }
  if (bits === 64) {
    const out = copyReg(src);
    // Copies share an id so that a later check on one (null, bounds) applies to both.
    if (out.type === 'scalar' && out.varOff.mask !== 0n && out.id === 0) {
      out.id = c.nextId();
      // States share register objects, so the source gets a new one rather than a changed one.
      const linked = copyReg(src);
      linked.id = out.id;
      setReg(c, i.src, linked);
    }
    return setReg(c, i.dst, out);
  }
  if (src.type !== 'scalar') {
    if (!c.privileged) fail(c, `R${i.src} partial copy of pointer`);
    return setReg(c, i.dst, unknownScalar());
  }
  const out = copyReg(src);
  out.id = 0;
  const v = {
    smin: BigInt(src.s32min),
    smax: BigInt(src.s32max),
    umin: BigInt(src.u32min),
    umax: BigInt(src.u32max),
    t: src.varOff,
  };
  applyView(out, v, 32);
  setReg(c, i.dst, out);
}

function saneOffset(c: Checker, r: Reg, ptrType: string): void {
  const known = r.varOff.mask === 0n;
  const val = BigInt.asIntN(64, r.varOff.value);
  if (known && (val >= MAX_VAR_OFF || val <= -MAX_VAR_OFF))
    fail(c, `math between ${ptrType} pointer and ${val} is not allowed`);
  if (r.off >= MAX_VAR_OFF || r.off <= -MAX_VAR_OFF) fail(c, `${ptrType} pointer offset ${r.off} is not allowed`);
  if (r.smin === -(1n << 63n))
    fail(c, `math between ${ptrType} pointer and register with unbounded min value is not allowed`);
  if (r.smin >= MAX_VAR_OFF || r.smin <= -MAX_VAR_OFF)
    fail(c, `value ${r.smin} makes ${ptrType} pointer be out of bounds`);
}

const ARITH_OK = new Set(['ctx', 'map_value', 'map_key', 'fp', 'pkt', 'pkt_meta', 'mem', 'ringbuf_mem', 'func']);

function pointerAlu(c: Checker, dst: Reg, src: Reg, op: number, bits: 32 | 64): void {
  const i = c.insn;
  const opText = aluOpString(op);
  if (isPointer(dst) && isPointer(src)) {
    // Two pointers: only root may subtract them (at either width); anything else is refused as such.
    if (op === AluOp.SUB && c.privileged) return setReg(c, i.dst, unknownScalar());
    fail(c, `R${i.dst} pointer ${opText} pointer prohibited`);
  }
  const ptr = isPointer(dst) ? dst : src;
  const off = isPointer(dst) ? src : dst;
  const ptrIsSrc = ptr === src;
  if (bits === 32) {
    if (op === AluOp.SUB && c.privileged) return setReg(c, i.dst, unknownScalar());
    fail(c, `R${i.dst} 32-bit pointer arithmetic prohibited`);
  }
  const typeName = regTypeName(ptr);
  if (ptr.maybeNull) fail(c, `R${i.dst} pointer arithmetic on ${typeName} prohibited, null-check it first`);
  const known = off.varOff.mask === 0n;
  const sval = BigInt.asIntN(64, off.varOff.value);
  if (!ARITH_OK.has(ptr.type)) {
    if (!(ptr.type === 'map_ptr' && known && sval === 0n && op === AluOp.ADD))
      fail(c, `R${i.dst} pointer arithmetic on ${typeName} prohibited`);
  }
  saneOffset(c, off, typeName);
  saneOffset(c, ptr, typeName);
  const sanitation = sanitizeBefore(c, ptr, off, op, !ptrIsSrc);
  const out = copyReg(ptr);
  if (op === AluOp.ADD) {
    const sum = ptr.off + Number(sval);
    if (known && sum === (sum | 0)) {
      out.off = sum;
    } else {
      addVar(out, ptr, off, true);
      if (isPktPointer(ptr)) {
        out.id = c.nextId();
        out.range = 0;
      }
    }
  } else if (op === AluOp.SUB) {
    if (ptrIsSrc) fail(c, `R${i.dst} tried to subtract pointer from scalar`);
    if (ptr.type === 'fp' && !known) fail(c, `R${i.dst} subtraction from stack pointer prohibited`);
    const diff = ptr.off - Number(sval);
    if (known && diff === (diff | 0)) {
      out.off = diff;
    } else {
      addVar(out, ptr, off, false);
      if (isPktPointer(ptr)) {
        out.id = c.nextId();
        if (off.smin < 0n) out.range = 0;
      }
    }
  } else if (op === AluOp.AND || op === AluOp.OR || op === AluOp.XOR) {
    fail(c, `R${i.dst} bitwise operator ${opText} on pointer prohibited`);
  } else {
    fail(c, `R${i.dst} pointer arithmetic with ${opText} operator prohibited`);
  }
  saneOffset(c, out, typeName);
  sanitizeAfter(c, out, op, sanitation);
  setReg(c, i.dst, out);
}

/** Variable part of `ptr ± off` into `out`. */
function addVar(out: Reg, ptr: Reg, off: Reg, add: boolean): void {
  const S_MIN = -(1n << 63n);
  const S_MAX = (1n << 63n) - 1n;
  const U_MAX = (1n << 64n) - 1n;
  const smin = add ? ptr.smin + off.smin : ptr.smin - off.smax;
  const smax = add ? ptr.smax + off.smax : ptr.smax - off.smin;
  const umin = add ? ptr.umin + off.umin : ptr.umin - off.umax;
  const umax = add ? ptr.umax + off.umax : ptr.umax - off.umin;
  markUnbounded(out);
  if (smin >= S_MIN && smax <= S_MAX) [out.smin, out.smax] = [smin, smax];
  if (umin >= 0n && umax <= U_MAX) [out.umin, out.umax] = [umin, umax];
  out.varOff = add ? tnumAdd(ptr.varOff, off.varOff) : tnumSub(ptr.varOff, off.varOff);
  syncBounds(out);
}
