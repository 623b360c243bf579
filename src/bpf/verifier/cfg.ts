/**
 * The checks the kernel makes before walking any path (resolve_pseudo_ldimm64, check_subprogs,
 * check_cfg): every slot decodes, `lddw` is well-formed and names a known map, jumps stay inside
 * their subprogram, each subprogram ends in exit or jump, every instruction is reachable and, for
 * unprivileged users, there are no back-edges. Also computes register liveness for state pruning.
 */
import { findSpec, readSlot, SLOT_BYTES, type DecodedInsn } from '../isa';
import { Reject } from './reject';
import type { VerifierEnv } from './types';

export interface Program {
  /** Indexed by slot; undefined for the second slot of a lddw. */
  insns: (DecodedInsn | undefined)[];
  /** Start slots of subprograms, ascending; [0] is the main program. */
  subprogs: number[];
  /** Jump targets and other places where the kernel checks for equivalent states. */
  prunePoints: Uint8Array;
  /** Registers (bit i = ri) that may be read before being written from each slot onward. */
  liveIn: Uint16Array;
}

/** A literal rather than a spread: decoding is a fixed cost of every verification. */
const decoded = (raw: ReturnType<typeof readSlot>, pc: number, spec: DecodedInsn['spec']): DecodedInsn => ({
  opcode: raw.opcode,
  dst: raw.dst,
  src: raw.src,
  off: raw.off,
  imm: raw.imm,
  immHi: raw.immHi,
  pc,
  spec,
});

export function decodeSlots(bytes: Uint8Array): (DecodedInsn | undefined)[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Math.floor(bytes.length / SLOT_BYTES);
  const out: (DecodedInsn | undefined)[] = new Array(n);
  for (let pc = 0; pc < n; pc++) {
    const raw = readSlot(view, pc);
    const spec = findSpec(raw.opcode, raw.src, raw.off, raw.imm);
    if (spec === null) throw new Reject(pc, `unknown opcode ${raw.opcode.toString(16).padStart(2, '0')}`);
    if (spec.shape === 'lddw') {
      const next = pc + 1 < n ? readSlot(view, pc + 1) : null;
      if (!next || next.opcode !== 0 || next.dst !== 0 || next.src !== 0 || next.off !== 0 || raw.off !== 0)
        throw new Reject(pc, 'invalid bpf_ld_imm64 insn');
      raw.immHi = next.imm;
      out[pc] = decoded(raw, pc, spec);
      pc++;
      continue;
    }
    out[pc] = decoded(raw, pc, spec);
  }
  return out;
}

/** Where control can go after `i` (excluding calls' callee, including the return point). */
export function successors(i: DecodedInsn): number[] {
  switch (i.spec.shape) {
    case 'exit':
      return [];
    case 'ja':
      return [i.pc + i.off + 1];
    case 'gotol':
      return [i.pc + i.imm + 1];
    case 'jump':
      return [i.pc + 1, i.pc + i.off + 1];
    case 'lddw':
      return [i.pc + 2];
    default:
      return [i.pc + 1];
  }
}

/** successors(i)[k] without building the array. */
export function nthSuccessor(i: DecodedInsn, k: number): number | undefined {
  switch (i.spec.shape) {
    case 'exit':
      return undefined;
    case 'ja':
      return k === 0 ? i.pc + i.off + 1 : undefined;
    case 'gotol':
      return k === 0 ? i.pc + i.imm + 1 : undefined;
    case 'jump':
      return k === 0 ? i.pc + 1 : k === 1 ? i.pc + i.off + 1 : undefined;
    case 'lddw':
      return k === 0 ? i.pc + 2 : undefined;
    default:
      return k === 0 ? i.pc + 1 : undefined;
  }
}

function checkLddw(insns: (DecodedInsn | undefined)[], env: VerifierEnv): void {
  for (const i of insns) {
    if (!i || i.spec.shape !== 'lddw') continue;
    if (i.src === 0) continue;
    if (i.src === 1 || i.src === 2 || i.src === 5 || i.src === 6) {
      if (!env.maps.has(i.imm)) throw new Reject(i.pc, `fd ${i.imm} is not pointing to valid bpf_map`);
    } else if (i.src !== 4) {
      throw new Reject(i.pc, 'unrecognized bpf_ld_imm64 insn');
    }
  }
}

function findSubprogs(insns: (DecodedInsn | undefined)[]): number[] {
  const starts = new Set([0]);
  for (const i of insns) {
    if (!i) continue;
    if (i.spec.shape === 'call-local' || (i.spec.shape === 'lddw' && i.src === 4)) {
      const target = i.pc + i.imm + 1;
      if (target < 0 || target >= insns.length) throw new Reject(i.pc, `call to invalid destination`);
      starts.add(target);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

function checkSubprogs(insns: (DecodedInsn | undefined)[], subprogs: number[]): void {
  for (let s = 0; s < subprogs.length; s++) {
    const start = subprogs[s]!;
    const end = subprogs[s + 1] ?? insns.length;
    for (let pc = start; pc < end; pc++) {
      const i = insns[pc];
      if (!i) continue;
      if (i.spec.shape === 'jump' || i.spec.shape === 'ja' || i.spec.shape === 'gotol') {
        const target = i.pc + 1 + (i.spec.shape === 'gotol' ? i.imm : i.off);
        if (target < start || target >= end) throw new Reject(pc, `jump out of range from insn ${pc} to ${target}`);
      }
    }
    let last = end - 1;
    if (!insns[last] && last > start) last--;
    const tail = insns[last];
    if (!tail || (tail.spec.shape !== 'exit' && tail.spec.shape !== 'ja' && tail.spec.shape !== 'gotol'))
      throw new Reject(last, 'last insn is not an exit or jmp');
  }
}

/** Depth-first walk from every subprogram entry: reachability and back-edges. */
function checkCfg(
  insns: (DecodedInsn | undefined)[],
  subprogs: number[],
  privileged: boolean,
  prune: Uint8Array,
): void {
  const state = new Uint8Array(insns.length); // 0 unseen, 1 on the DFS stack, 2 done
  // The DFS stack: instructions and how many of each one's successors were followed.
  const stackPc: number[] = [];
  const stackNext: number[] = [];
  for (const entry of subprogs) {
    if (state[entry]) continue;
    state[entry] = 1;
    stackPc.push(entry);
    stackNext.push(0);
    while (stackPc.length) {
      const depth = stackPc.length - 1;
      const pc = stackPc[depth]!;
      const insn = insns[pc]!;
      const w = nthSuccessor(insn, stackNext[depth]!);
      if (w === undefined) {
        state[pc] = 2;
        stackPc.pop();
        stackNext.pop();
        continue;
      }
      stackNext[depth]!++;
      if (w < 0 || w >= insns.length || !insns[w]) throw new Reject(pc, `jump out of range from insn ${pc} to ${w}`);
      // As in the kernel: jump targets and conditional jumps themselves are prune points; the
      // fall-through of a conditional jump is not.
      if (insn.spec.shape === 'ja' || insn.spec.shape === 'gotol') prune[w] = 1;
      if (insn.spec.shape === 'jump') {
        prune[pc] = 1;
        if (w === pc + insn.off + 1) prune[w] = 1;
      }
      if (state[w] === 1) {
        if (!privileged) throw new Reject(pc, `back-edge from insn ${pc} to ${w}`);
        prune[w] = 1;
        continue;
      }
      if (state[w] === 0) {
        state[w] = 1;
        stackPc.push(w);
        stackNext.push(0);
      }
    }
  }
  for (let pc = 0; pc < insns.length; pc++) {
    if (insns[pc] && state[pc] === 0) throw new Reject(pc, `unreachable insn ${pc}`);
  }
}

export function analyse(bytes: Uint8Array, env: VerifierEnv, privileged: boolean): Program {
  const insns = decodeSlots(bytes);
  checkLddw(insns, env);
  const subprogs = findSubprogs(insns);
  checkSubprogs(insns, subprogs);
  const prunePoints = new Uint8Array(insns.length);
  checkCfg(insns, subprogs, privileged, prunePoints);
  for (const i of insns) {
    if (i && (i.spec.shape === 'call' || i.spec.shape === 'call-local')) prunePoints[i.pc + 1] = 1;
    // A bpf-to-bpf call is itself a prune point in the kernel (visit_func_call_insn).
    if (i && i.spec.shape === 'call-local') prunePoints[i.pc] = 1;
  }
  return { insns, subprogs, prunePoints, liveIn: computeLiveness(insns, subprogs[1] ?? insns.length, env) };
}

/** Registers each instruction reads and writes, for liveness. */
const bit = (r: number): number => 1 << r;

function useDef(i: DecodedInsn, env: VerifierEnv): { use: number; def: number } {
  const s = i.spec;
  switch (s.shape) {
    case 'alu':
      if ((i.opcode & 0xf0) === 0xb0) return { use: s.usesSrcReg ? bit(i.src) : 0, def: bit(i.dst) };
      return { use: bit(i.dst) | (s.usesSrcReg ? bit(i.src) : 0), def: bit(i.dst) };
    case 'neg':
    case 'endian':
      return { use: bit(i.dst), def: bit(i.dst) };
    case 'movsx':
      return { use: bit(i.src), def: bit(i.dst) };
    case 'ldx':
      return { use: bit(i.src), def: bit(i.dst) };
    case 'st':
      return { use: bit(i.dst), def: 0 };
    case 'stx':
      return { use: bit(i.dst) | bit(i.src), def: 0 };
    case 'atomic':
      return { use: bit(i.dst) | bit(i.src) | bit(0), def: bit(i.src) | bit(0) };
    case 'jump':
      return { use: bit(i.dst) | (s.usesSrcReg ? bit(i.src) : 0), def: 0 };
    case 'call': {
      // A helper reads only its own arguments (all five when it is unknown: the call fails anyway).
      const argc = env.helper(i.imm)?.args.length ?? 5;
      return { use: ((1 << argc) - 1) << 1, def: 0b111111 };
    }
    case 'callx':
      return { use: 0b111110 | bit(i.dst), def: 0b111111 };
    case 'call-kfunc':
    case 'call-local':
      return { use: 0b111110, def: 0b111111 };
    case 'exit':
      return { use: bit(0), def: 0 };
    case 'lddw':
      return { use: 0, def: bit(i.dst) };
    case 'ld-abs':
    case 'ld-ind':
      return { use: bit(6) | (s.shape === 'ld-ind' ? bit(i.src) : 0), def: 0b111111 };
    default:
      return { use: 0, def: 0 };
  }
}

/** Backward may-read analysis; r10 is always live. Used only to ignore dead registers when pruning. */
function computeLiveness(insns: (DecodedInsn | undefined)[], mainEnd: number, env: VerifierEnv): Uint16Array {
  const live = new Uint16Array(insns.length);
  const ud = insns.map((i) => (i ? useDef(i, env) : null));
  let changed = true;
  while (changed) {
    changed = false;
    for (let pc = insns.length - 1; pc >= 0; pc--) {
      const i = insns[pc];
      if (!i) continue;
      let out = 0;
      const a = nthSuccessor(i, 0);
      const b = nthSuccessor(i, 1);
      if (a !== undefined) out |= live[a] ?? 0;
      if (b !== undefined) out |= live[b] ?? 0;
      // A subprogram's exit returns to an unknown caller: callee-saved registers stay live. The
      // main program's exit ends the program: only R0 is read there.
      if (i.spec.shape === 'exit' && pc >= mainEnd) out |= 0b1111000000;
      const { use, def } = ud[pc]!;
      const v = use | (out & ~def) | (1 << 10);
      if (v !== live[pc]) {
        live[pc] = v;
        changed = true;
      }
    }
  }
  return live;
}
