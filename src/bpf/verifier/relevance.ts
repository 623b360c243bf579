/**
 * Which registers' scalar values can matter from each instruction onward: a conservative stand-in
 * for the kernel's precision marks. A scalar matters when, on some path before it is overwritten,
 * it (or a value computed from it) reaches a check that depends on its value: a conditional jump
 * the walk has decided from the bounds somewhere (the kernel marks precision exactly there; a jump
 * whose both sides were always explored does not depend on the value), a memory access base,
 * pointer arithmetic, a helper argument the helper checks, a store that may land on the stack or in
 * the context, or R0 at exit. Pruning may treat two scalars in a register that cannot matter as
 * equivalent, as the kernel does with imprecise ones.
 *
 * Why decided jumps suffice: a checkpoint is used for pruning only once every path below it is
 * finished, so every jump decided below it is already in `decided` when the comparison is made.
 */
import type { DecodedInsn } from '../isa';
import { nthSuccessor, type Program } from './cfg';
import { hasReturnRange } from './return-range';
import type { VerifierEnv } from './types';

const ALL = 0x7ff;
const ARGS = 0b111110;
const CALL_CLOBBER = 0b111111;
const ALU_ADD = 0x00;
const ALU_SUB = 0x10;
const ALU_MOV = 0xb0;

const bit = (r: number): number => 1 << r;

/**
 * Per-register kinds a value may have, packed in one number: bit r says register r may hold any
 * pointer, bit 16 + r that it may hold specifically the context or a stack pointer.
 */
type Kinds = number;
const ptrOf = (k: Kinds): number => k & 0xffff;
const ctxFpOf = (k: Kinds): number => k >>> 16;

/** Records what register r may hold (a module function, not a closure: this runs per instruction). */
function setKind(k: Kinds, r: number, p: boolean, cf: boolean): Kinds {
  const ptr = p ? ptrOf(k) | bit(r) : ptrOf(k) & ~bit(r);
  const ctxFp = cf ? ctxFpOf(k) | bit(r) : ctxFpOf(k) & ~bit(r);
  return (ptr | (ctxFp << 16)) >>> 0;
}

function forwardStep(i: DecodedInsn, k: Kinds): Kinds {
  let out = k;
  const ptr = ptrOf(k);
  const ctxFp = ctxFpOf(k);
  const s = i.spec;
  switch (s.shape) {
    case 'alu': {
      const op = i.opcode & 0xf0;
      const src = s.usesSrcReg ? i.src : -1;
      const srcPtr = src >= 0 && (ptr & bit(src)) !== 0;
      const srcCf = src >= 0 && (ctxFp & bit(src)) !== 0;
      if (s.width === 32) out = setKind(out, i.dst, false, false);
      else if (op === ALU_MOV) out = setKind(out, i.dst, srcPtr, srcCf);
      else if (op === ALU_ADD || op === ALU_SUB)
        out = setKind(out, i.dst, (ptr & bit(i.dst)) !== 0 || srcPtr, (ctxFp & bit(i.dst)) !== 0 || srcCf);
      else out = setKind(out, i.dst, false, false);
      break;
    }
    case 'neg':
    case 'endian':
    case 'movsx':
      out = setKind(out, i.dst, false, false);
      break;
    case 'ldx': {
      // Loads through the context or the stack may yield pointers (packet pointers, spills).
      const may = (ctxFp & bit(i.src)) !== 0;
      out = setKind(out, i.dst, may, may);
      break;
    }
    case 'atomic':
      out = setKind(out, i.src, true, true);
      out = setKind(out, 0, true, true);
      break;
    case 'lddw':
      out = setKind(out, i.dst, i.src !== 0, false);
      break;
    case 'call':
    case 'call-kfunc':
    case 'callx':
      for (let r = 1; r <= 5; r++) out = setKind(out, r, false, false);
      out = setKind(out, 0, true, false);
      break;
    case 'call-local':
      for (let r = 1; r <= 5; r++) out = setKind(out, r, false, false);
      out = setKind(out, 0, true, true);
      break;
    case 'ld-abs':
    case 'ld-ind':
      for (let r = 0; r <= 5; r++) out = setKind(out, r, false, false);
      break;
    default:
      break;
  }
  return out;
}

/** Each instruction's successors (-1 for none), computed once per program for the analyses below. */
interface Succ {
  a: Int32Array;
  b: Int32Array;
}

function successorTable(prog: Program): Succ {
  const n = prog.insns.length;
  const a = new Int32Array(n).fill(-1);
  const b = new Int32Array(n).fill(-1);
  for (let pc = 0; pc < n; pc++) {
    const i = prog.insns[pc];
    if (!i) continue;
    a[pc] = nthSuccessor(i, 0) ?? -1;
    b[pc] = nthSuccessor(i, 1) ?? -1;
  }
  return { a, b };
}

/** May-be-pointer kinds of each register on entry to each instruction. */
function pointerKinds(prog: Program, succ: Succ): Uint32Array {
  const n = prog.insns.length;
  const kinds = new Uint32Array(n);
  const work: number[] = [];
  const seen = new Uint8Array(n);
  const join = (pc: number, k: Kinds): void => {
    if (pc < 0 || pc >= n) return;
    const cur = kinds[pc]!;
    const next = (cur | k) >>> 0;
    if (next !== cur || !seen[pc]) {
      seen[pc] = 1;
      kinds[pc] = next;
      work.push(pc);
    }
  };
  for (const start of prog.subprogs) {
    // Arguments of a subprogram may be anything the caller had, including its stack and context.
    const args = start === 0 ? bit(1) : ARGS;
    join(start, (args | bit(10) | ((args | bit(10)) << 16)) >>> 0);
  }
  while (work.length) {
    const pc = work.pop()!;
    const i = prog.insns[pc];
    if (!i) continue;
    const out = forwardStep(i, kinds[pc]!);
    join(succ.a[pc]!, out);
    join(succ.b[pc]!, out);
  }
  return kinds;
}

function backwardStep(
  i: DecodedInsn,
  out: number,
  k: Kinds,
  env: VerifierEnv,
  callUse: number,
  mainExit: boolean,
  decided: Uint8Array,
): number {
  const s = i.spec;
  switch (s.shape) {
    case 'alu': {
      const op = i.opcode & 0xf0;
      const src = s.usesSrcReg ? bit(i.src) : 0;
      if (op === ALU_MOV) return (out & bit(i.dst)) !== 0 ? (out & ~bit(i.dst)) | src : out & ~bit(i.dst);
      // 64-bit add/sub may be pointer arithmetic, whose checks read both operands' values.
      const mayPtr = (ptrOf(k) & (bit(i.dst) | src)) !== 0;
      if (s.width === 64 && (op === ALU_ADD || op === ALU_SUB) && mayPtr) return out | bit(i.dst) | src;
      return (out & bit(i.dst)) !== 0 ? out | src : out;
    }
    case 'neg':
    case 'endian':
    case 'ja':
    case 'gotol':
      return out;
    case 'movsx':
      return (out & bit(i.dst)) !== 0 ? (out & ~bit(i.dst)) | bit(i.src) : out & ~bit(i.dst);
    case 'ldx':
      return (out & ~bit(i.dst)) | bit(i.src);
    case 'st':
      return out | bit(i.dst);
    case 'stx': {
      // A value stored on the stack or into the context may be read back or checked later.
      const keep = (ctxFpOf(k) & bit(i.dst)) !== 0 ? bit(i.src) : 0;
      return out | bit(i.dst) | keep;
    }
    case 'atomic':
      return out | bit(i.dst) | bit(i.src) | bit(0);
    case 'jump':
      return decided[i.pc] ? out | bit(i.dst) | (s.usesSrcReg ? bit(i.src) : 0) : out;
    case 'call':
      return (out & ~CALL_CLOBBER) | callUse;
    case 'call-local':
    case 'call-kfunc':
      return (out & ~CALL_CLOBBER) | ARGS;
    case 'callx':
      return (out & ~CALL_CLOBBER) | ARGS | bit(i.dst);
    case 'exit':
      // R0's value is checked at the main program's exit only where the type has a return range; a
      // subprogram's R0 goes back to its caller, which this per-function analysis cannot see.
      return mainExit && !hasReturnRange(env.progType) ? 0 : bit(0);
    case 'lddw':
      return out & ~bit(i.dst);
    case 'ld-abs':
    case 'ld-ind':
      return (out & ~CALL_CLOBBER) | bit(6) | (s.shape === 'ld-ind' ? bit(i.src) : 0);
    default:
      return ALL;
  }
}

/**
 * Returns the analysis for a program: given the jumps decided so far (by pc), bit r of entry pc says
 * whether the scalar value in r on entry to pc may matter to a later check.
 */
export function relevanceAnalysis(prog: Program, env: VerifierEnv): (decided: Uint8Array) => Uint16Array {
  // Computed on first use: programs whose walk never compares states never need it.
  let flow: Flow | null = null;
  return (decided) => computeRelevance(prog, env, (flow ??= flowOf(prog, env)), decided);
}

/** What every relevance computation of a program shares. */
interface Flow {
  succ: Succ;
  kinds: Uint32Array;
  /** Per helper call, the arguments the helper checks (all five when it is unknown). */
  callUse: Uint16Array;
}

function flowOf(prog: Program, env: VerifierEnv): Flow {
  const succ = successorTable(prog);
  const callUse = new Uint16Array(prog.insns.length);
  for (const i of prog.insns) {
    if (!i || i.spec.shape !== 'call') continue;
    const proto = env.helper(i.imm);
    let used = ARGS;
    if (proto) {
      used = 0;
      proto.args.forEach((a, idx) => {
        if (a !== 'ARG_ANYTHING') used |= bit(idx + 1);
      });
    }
    callUse[i.pc] = used;
  }
  return { succ, kinds: pointerKinds(prog, succ), callUse };
}

function computeRelevance(prog: Program, env: VerifierEnv, flow: Flow, decided: Uint8Array): Uint16Array {
  const n = prog.insns.length;
  const mainEnd = prog.subprogs[1] ?? n;
  const { succ, kinds, callUse } = flow;
  const rel = new Uint16Array(n);
  let changed = true;
  while (changed) {
    changed = false;
    for (let pc = n - 1; pc >= 0; pc--) {
      const i = prog.insns[pc];
      if (!i) continue;
      const a = succ.a[pc]!;
      const b = succ.b[pc]!;
      const out = (a >= 0 ? (rel[a] ?? 0) : 0) | (b >= 0 ? (rel[b] ?? 0) : 0);
      const v = backwardStep(i, out, kinds[pc]!, env, callUse[pc]!, pc < mainEnd, decided) | bit(10);
      if (v !== rel[pc]) {
        rel[pc] = v;
        changed = true;
      }
    }
  }
  return rel;
}
