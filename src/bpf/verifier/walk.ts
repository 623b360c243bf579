/**
 * The path-by-path walk (the kernel's do_check): follow one path until exit, queueing the other
 * side of every undecided branch; at prune points compare with states already proven safe; count
 * processed instructions against the limit; keep the log in the kernel's shape.
 */
import { JmpOp, type DecodedInsn } from '../isa';
import { checkAlu, checkRead } from './alu';
import { branchTaken, negate, refine, refineJsetFalse } from './branch';
import { Checkpoints, type Checkpoint, type WalkStats } from './checkpoints';
import { checkHelperCall } from './calls';
import { fail, reg, type Checker } from './context';
import { insnText } from './disasm';
import { execLddw, execLdAbs, execLoadStore } from './exec';
import { findGoodPacketPointers, markNullChecked } from './pointer-branch';
import { stateText } from './print';
import { checkReturnRange } from './return-range';
import { copyReg, isPktPointer, isPointer, knownScalar, notInit, type Reg } from './reg';
import { copyState, newFrame, type Frame, type VerifierState } from './state';
import { extendTrail, renderTrail, type Trail } from './trail';
import type { LineInfo, StateSnapshot } from './types';

interface Pending {
  state: VerifierState;
  insn: number;
  prev: number;
  logPos: number;
  parent: Checkpoint | null;
  trail: Trail | null;
}

export class Walker {
  private pending: Pending[] = [];
  /** Per instruction, the registers whose scalar values pruning must compare. */
  readonly stats: WalkStats = { processed: 0, totalStates: 0, peakStates: 0, maxStatesPerInsn: 0 };
  private readonly checkpoints: Checkpoints;
  scratched = { regs: new Set<number>(), slots: new Set<number>() };
  private prevLogPos = -1;
  private prevInsnLen = 0;
  private lastLine = '';
  private announceReturn = false;
  private trail: Trail | null = null;
  private finishedTrails: Trail[] = [];

  constructor(
    private readonly c: Checker,
    private readonly limit: number,
    private readonly collect: 'failing' | 'all' | 'none',
  ) {
    this.checkpoints = new Checkpoints(c, this.stats);
  }

  run(): void {
    const c = this.c;
    const init: VerifierState = { frames: [newFrame(0, -1, 0)], cur: 0, refs: [] };
    init.frames[0]!.regs[1] = Object.assign(notInit(), initialCtx());
    c.state = init;
    this.scratched.regs = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    let pc = 0;
    let prev = -1;
    let announce = false;
    for (;;) {
      const insn = c.prog.insns[pc]!;
      c.insn = insn;
      if (++this.stats.processed > this.limit)
        fail(c, `BPF program is too large. Processed ${this.stats.processed} insn`);
      if (c.prog.prunePoints[pc]) {
        if (this.checkpoints.visit(pc)) {
          if (c.log.enabled) c.log.print(announce ? `\nfrom ${prev} to ${pc}: safe\n` : `${pc}: safe\n`);
          const next = this.popPath();
          if (!next) return;
          [pc, prev] = next;
          announce = true;
          continue;
        }
      }
      this.logInsn(insn, prev, announce);
      announce = false;
      this.snapshot(pc);
      const next = this.step(insn);
      if (next === null) {
        const popped = this.popPath();
        if (!popped) return;
        [pc, prev] = popped;
        announce = true;
        continue;
      }
      prev = pc;
      pc = next;
      announce = this.announceReturn;
      this.announceReturn = false;
    }
  }

  /** A state line as print_verifier_state makes it: the frame, then the references held. */
  private stateLine(f: Frame, only?: { regs: Set<number>; slots: Set<number> }): string {
    const refs = this.c.state.refs;
    return stateText(f, this.c.maps, only) + (refs.length ? ` refs=${refs.map((r) => r.id).join(',')}` : '');
  }

  private clearScratched(): void {
    this.scratched.regs.clear();
    this.scratched.slots.clear();
  }

  /** Executes one instruction; returns the next pc, or null when the path ended. */
  private step(i: DecodedInsn): number | null {
    const c = this.c;
    switch (i.spec.shape) {
      case 'alu':
      case 'neg':
      case 'endian':
      case 'movsx':
        checkAlu(c);
        return i.pc + 1;
      case 'ldx':
      case 'st':
      case 'stx':
      case 'atomic':
        execLoadStore(c);
        return i.pc + 1;
      case 'lddw':
        execLddw(c);
        return i.pc + 2;
      case 'ld-abs':
      case 'ld-ind':
        execLdAbs(c);
        return i.pc + 1;
      case 'ja':
        this.checkpoints.jumps++;
        return i.pc + i.off + 1;
      case 'gotol':
        this.checkpoints.jumps++;
        return i.pc + i.imm + 1;
      case 'jump':
        this.checkpoints.jumps++;
        return this.condJump(i);
      case 'call':
        this.checkpoints.jumps++;
        checkHelperCall(c);
        return i.pc + 1;
      case 'call-local':
        this.checkpoints.jumps++;
        return this.callLocal(i);
      case 'call-kfunc':
      case 'callx':
        fail(
          c,
          i.spec.shape === 'callx'
            ? `unknown opcode ${i.opcode.toString(16)}`
            : 'calling kernel functions is not supported',
        );
        break;
      case 'exit':
        // Every instruction of the jump class counts towards the new-state heuristic, as in the kernel.
        this.checkpoints.jumps++;
        return this.exit();
    }
    return null;
  }

  private callLocal(i: DecodedInsn): number {
    const c = this.c;
    const s = c.state;
    if (s.frames.length >= 8) fail(c, `the call stack of ${s.frames.length + 1} frames is too deep !`);
    const caller = s.frames[s.cur]!;
    const target = i.pc + i.imm + 1;
    const callee = newFrame(s.frames.length, i.pc, target);
    for (let r = 1; r <= 5; r++) callee.regs[r] = copyReg(caller.regs[r]!);
    // The call clobbers the caller's R0-R5 now (R0 gets the result back at the callee's exit).
    for (let r = 0; r <= 5; r++) caller.regs[r] = notInit();
    s.frames.push(callee);
    s.cur = s.frames.length - 1;
    if (c.log.enabled) {
      c.log.print(`caller:\n${this.stateLine(caller)}\ncallee:\n${this.stateLine(callee)}\n`);
      for (let r = 0; r <= 10; r++) this.scratched.regs.add(r);
    }
    return target;
  }

  private exit(): number | null {
    const c = this.c;
    const s = c.state;
    if (s.cur > 0) {
      // A static subprogram hands back whatever R0 holds, even uninitialised (a void function):
      // the kernel checks it only where the caller reads it. Only a stack pointer is refused.
      const r0 = reg(c, 0);
      if (r0.type === 'fp') fail(c, 'cannot return stack pointer to the caller');
      const callee = s.frames.pop()!;
      s.cur = s.frames.length - 1;
      const caller = s.frames[s.cur]!;
      caller.regs[0] = copyReg(callee.regs[0]!);
      for (let r = 1; r <= 5; r++) caller.regs[r] = notInit();
      const to = callee.callsite + 1;
      if (c.log.enabled) {
        const [from, back] = [this.stateLine(callee), this.stateLine(caller)];
        c.log.print(`returning from callee:\n${from}\nto caller at ${to}:\n${back}\n`);
        this.clearScratched();
        // At level 2 the kernel then prints the caller's whole state, as after a jump.
        this.announceReturn = c.log.level === 2;
      }
      return to;
    }
    if (s.refs.length > 0)
      fail(
        c,
        'BPF_EXIT instruction in main prog would lead to reference leak',
        ...s.refs.map((r) => `Unreleased reference id=${r.id} alloc_insn=${r.insn}`),
      );
    const r0 = checkRead(c, 0);
    if (!c.privileged && isPointer(r0)) fail(c, 'R0 leaks addr as return value');
    checkReturnRange(c, r0);
    return null;
  }

  private condJump(i: DecodedInsn): number {
    const c = this.c;
    const op = i.opcode & 0xf0;
    const jmp32 = i.spec.width === 32;
    const target = i.pc + i.off + 1;
    // The kernel checks the destination operand before the source one.
    const dst = checkRead(c, i.dst);
    const src: Reg = i.spec.usesSrcReg ? checkRead(c, i.src) : knownScalar(jmp32 ? BigInt(i.imm >>> 0) : BigInt(i.imm));
    if (!c.privileged && i.spec.usesSrcReg && isPointer(src) && !(isPktPointer(src) || src.type === 'pkt_end'))
      fail(c, `R${i.src} pointer comparison prohibited`);
    const taken = pointerOrScalarTaken(dst, src, op, jmp32);
    if (taken !== -1) this.checkpoints.noteDecided(i.pc);
    if (taken === 1) return target;
    if (taken === 0) return i.pc + 1;
    const other = this.push(target, i.pc);
    const otherRegs = other.frames[other.cur]!.regs;
    const thisRegs = c.state.frames[c.state.cur]!.regs;
    if (!jmp32 && !i.spec.usesSrcReg && i.imm === 0 && (op === JmpOp.JEQ || op === JmpOp.JNE) && dst.maybeNull) {
      // Fall-through: the comparison failed; target: it held.
      markNullChecked(c.state, dst.id, op === JmpOp.JEQ, dst.refObjId, c.maps);
      markNullChecked(other, dst.id, op === JmpOp.JNE, dst.refObjId, c.maps);
      return i.pc + 1;
    }
    if (!jmp32 && i.spec.usesSrcReg && findGoodPacketPointers(c.state, other, dst, src, op)) return i.pc + 1;
    if (isPointer(dst) || isPointer(src)) {
      if (!c.privileged && isPointer(dst)) fail(c, `R${i.dst} pointer comparison prohibited`);
      return i.pc + 1;
    }
    // Scalars: the branch holds on the target side, its negation on the fall-through side.
    refineSide(i, otherRegs, src, op, true);
    refineSide(i, thisRegs, src, negate(op), false);
    return i.pc + 1;
  }

  private push(insn: number, prev: number): VerifierState {
    const state = copyState(this.c.state);
    this.checkpoints.branched();
    const parent = this.checkpoints.current;
    this.pending.push({ state, insn, prev, logPos: this.c.log.mark(), parent, trail: this.trail });
    if (this.pending.length > 8192) fail(this.c, 'The sequence of 8193 jumps is too complex.');
    return state;
  }

  /** Ends the current path; resumes the most recent queued branch. Returns [pc, prev] or null. */
  private popPath(): [number, number] | null {
    this.checkpoints.pathEnded();
    if (this.collect === 'all' && this.trail) this.finishedTrails.push(this.trail);
    const next = this.pending.pop();
    if (!next) {
      if (this.c.log.level === 1) this.c.log.rewind(0);
      return null;
    }
    if (this.c.log.level === 1) this.c.log.rewind(next.logPos);
    this.c.state = next.state;
    this.checkpoints.current = next.parent;
    this.trail = next.trail;
    if (this.c.log.enabled) {
      for (let r = 0; r <= 10; r++) this.scratched.regs.add(r);
      const f = next.state.frames[next.state.cur]!;
      for (let spi = 0; spi < f.stack.length; spi++) this.scratched.slots.add(spi);
    }
    this.prevLogPos = -1;
    return [next.insn, next.prev];
  }

  private logInsn(i: DecodedInsn, prev: number, announce: boolean): void {
    this.checkpoints.insns++;
    const log = this.c.log;
    if (!log.enabled) return;
    const f = this.c.state.frames[this.c.state.cur]!;
    // After a queued path resumes, the kernel prints its state in the "from" line and then, since
    // every register is still marked scratched, once more as the instruction's state line.
    if (announce && log.level === 2) log.print(`\nfrom ${prev} to ${i.pc}:${this.stateLine(f)}\n`);
    if (this.scratched.regs.size || this.scratched.slots.size) {
      // Printed even when nothing scratched is printable (the kernel's bare " ;").
      const text = this.stateLine(f, this.scratched);
      if (this.prevLogPos >= 0 && this.prevLogPos === log.mark() && log.endsWithNewline()) {
        log.rewind(log.mark() - 1);
        const pos = this.prevInsnLen;
        log.print(`${' '.repeat(annotationPad(pos))};${text}\n`);
      } else {
        log.print(`${i.pc}:${text}\n`);
      }
    }
    this.clearScratched();
    // The source line when the line info record covering pc changes; records differing only in the
    // column print once, as the kernel does, and left-trimmed.
    const line = lineAt(this.c, i.pc);
    if (line && line.where !== this.lastLine) {
      log.print(`; ${line.text.trimStart()} @ ${line.where}\n`);
      this.lastLine = line.where;
    }
    const insnLine = `${i.pc}: ${insnText(i, (id) => this.c.env.helper(id)?.name, this.c.privileged)}\n`;
    log.print(insnLine);
    this.prevInsnLen = insnLine.length;
    this.prevLogPos = log.mark();
  }

  private snapshot(pc: number): void {
    if (this.collect === 'none') return;
    this.trail = extendTrail(this.trail, pc, this.c.state.frames[this.c.state.cur]!);
  }

  /** The states along the path that failed (or the last one walked). */
  failingStates(): StateSnapshot[] {
    return renderTrail(this.trail, this.c.maps);
  }

  /** The states along every path walked, path after path. */
  allStates(): StateSnapshot[] {
    return this.finishedTrails.flatMap((t) => renderTrail(t, this.c.maps));
  }
}

function initialCtx(): Partial<Reg> {
  return {
    type: 'ctx',
    varOff: { value: 0n, mask: 0n },
    smin: 0n,
    smax: 0n,
    umin: 0n,
    umax: 0n,
    s32min: 0,
    s32max: 0,
    u32min: 0,
    u32max: 0,
  };
}

/** The kernel's vlog_alignment: `;` at column 40, or at the next multiple of 8 at least 4 past a long line. */
export const annotationPad = (pos: number): number => Math.ceil(Math.max(pos + 4, 40) / 8) * 8 - pos - 1;

function lineAt(c: Checker, pc: number): LineInfo | undefined {
  const li = c.env.lineInfo;
  if (!li || li.length === 0 || li[0]!.insn > pc) return undefined;
  // The last record starting at or before pc (records are sorted by instruction).
  let lo = 0;
  let hi = li.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (li[mid]!.insn <= pc) lo = mid;
    else hi = mid - 1;
  }
  return li[lo];
}

function pointerOrScalarTaken(dst: Reg, src: Reg, op: number, jmp32: boolean): 1 | 0 | -1 {
  if (isPointer(dst) || isPointer(src)) {
    if (isPktPointer(dst) || isPktPointer(src) || dst.type === 'pkt_end' || src.type === 'pkt_end') return -1;
    const [p, k] = isPointer(dst) ? [dst, src] : [src, dst];
    if (isPointer(k) || k.varOff.mask !== 0n || k.varOff.value !== 0n) return -1;
    const notNull =
      !p.maybeNull && (p.type === 'map_value' || p.type === 'map_key' || p.type === 'mem' || p.type === 'ringbuf_mem');
    if (!notNull) return -1;
    return op === JmpOp.JEQ ? 0 : op === JmpOp.JNE ? 1 : -1;
  }
  return branchTaken(dst, src, op, jmp32);
}

/**
 * Narrows the compared scalars on one side of a jump (`holds` is the comparison true there). Registers
 * are never changed in place once in a state (states share them), so this puts refined copies in.
 */
function refineSide(i: DecodedInsn, regs: Reg[], src: Reg, holds: number, jset: boolean): void {
  const jmp32 = i.spec.width === 32;
  const a = (regs[i.dst] = copyReg(regs[i.dst]!));
  const b = !i.spec.usesSrcReg ? copyReg(src) : i.src === i.dst ? a : (regs[i.src] = copyReg(regs[i.src]!));
  if ((i.opcode & 0xf0) === JmpOp.JSET) {
    if (jset) refine(a, b, JmpOp.JSET, jmp32);
    else refineJsetFalse(a, b, jmp32);
  } else refine(a, b, holds, jmp32);
  syncLinked(regs, a);
  if (i.spec.usesSrcReg) syncLinked(regs, b);
}

/** Scalars copied from one another share an id: a bound learnt for one holds for all. */
function syncLinked(regs: Reg[], from: Reg): void {
  if (from.type !== 'scalar' || from.id === 0) return;
  for (let r = 0; r < regs.length; r++) {
    const x = regs[r]!;
    if (x !== from && x.type === 'scalar' && x.id === from.id) regs[r] = copyReg(from);
  }
}
