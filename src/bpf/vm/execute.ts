/**
 * THE interpreter: one switch on the opcode byte over pre-decoded typed arrays.
 *
 * This file is long on purpose: V8 compiles a switch whose cases are integer literals into a jump
 * table, and keeping every instruction in one function lets the registers and arrays stay in
 * machine registers. Case labels are opcode bytes from the instruction table (isa/table.ts);
 * execute.test.ts proves every table row reaches a case that implements it.
 *
 * Registers are int32 halves (see int64.ts). Memory accesses go through locate(), which finds the
 * region from the address's high word and checks bounds and permission; anything unusual (a fault,
 * a program-context field) leaves the fast path. Semantics follow RFC 9669 and the kernel.
 */
import * as space from './address-space';
import { VmFault } from './guest-memory';
import * as int64 from './int64';
import * as machine from './machine';
import type { Vm } from './machine';
import * as slow from './slow-path';
import * as atomics from './atomics';

// Module-local copies of everything the loop touches. Under Node's CommonJS interop (tsx, Vitest)
// each imported binding is a getter call; copying them once took ~25% off the run time.
const { Access, HI_BASE, TWO_32 } = space;
const { bswap16, bswap32, divMod32, divMod64, mul64 } = int64;
const { FRAME_WORDS, MAX_CALL_FRAMES, STACK_SIZE } = machine;
const { callHelper, ctxLoad, ctxStore, finishFault, legacyLoad, memoryFault, stackHigh } = slow;
const { atomic } = atomics;
const READ_WRITE = Access.READ_WRITE;
const READ = Access.READ;
const SPECIAL = Access.SPECIAL;

/** Offset inside its region of the access locate() just checked. */
let at = 0;

/** Region id for an access of `size` bytes at reg(r2) + off, or -1-id for a context region; faults otherwise. */
function locate(vm: Vm, R: Int32Array, r2: number, off: number, size: number, write: boolean): number {
  let a = (R[r2]! >>> 0) + off;
  let h = R[r2 + 1]!;
  if (a < 0) {
    a += TWO_32;
    h = (h - 1) | 0;
  } else if (a >= TWO_32) {
    a -= TWO_32;
    h = (h + 1) | 0;
  }
  const delta = (h - HI_BASE) >>> 0;
  const id = delta >>> 1;
  const mem = vm.mem;
  at = a;
  if ((delta & 1) === 0 && id < mem.sizes.length) {
    const access = mem.access[id]!;
    if (access === SPECIAL) return -1 - id;
    if (a + size <= mem.sizes[id]! && (write ? access === READ_WRITE : (access & READ) !== 0)) return id;
  }
  throw memoryFault(vm, a | 0, h, size, write);
}

export type ExecResult = 'exited' | 'paused';

/**
 * Runs from vm.pc until the program exits or `maxSteps` instructions have executed. Throws VmFault
 * (with its instruction index) on a fault or when the instruction budget runs out.
 */
export function execute(vm: Vm, maxSteps = Infinity): ExecResult {
  const limit = Math.min(vm.budget, vm.steps + maxSteps);
  for (;;) {
    const result = executeProgram(vm, limit - vm.steps);
    if (result !== 'tail') return result;
  }
}

/** execute() within one program; 'tail' when vm.program changed (a tail call, or a return to the program one left). */
function executeProgram(vm: Vm, maxSteps: number): ExecResult | 'tail' {
  const p = vm.program;
  const { op, dst2, src2, off, imm, immHi } = p;
  const R = vm.regs;
  const views = vm.mem.views;
  const limit = Math.min(vm.budget, vm.steps + maxSteps);
  let steps = vm.steps;
  let pc = vm.pc;
  try {
    for (;;) {
      if (steps >= limit) {
        vm.steps = steps;
        vm.pc = pc;
        if (steps >= vm.budget) throw new VmFault(`instruction budget of ${vm.budget} exhausted`);
        vm.status = 'paused';
        return 'paused';
      }
      steps++;
      const d = dst2[pc]!;
      switch (op[pc]) {
        // ---- ALU64, immediate (imm is sign-extended to 64 bits) ----
        case 0x07: {
          const b = imm[pc]!;
          const lo = (R[d]! + b) | 0;
          R[d + 1] = (R[d + 1]! + (b >> 31) + (lo >>> 0 < R[d]! >>> 0 ? 1 : 0)) | 0;
          R[d] = lo;
          break;
        }
        case 0x17: {
          const b = imm[pc]!;
          const lo = (R[d]! - b) | 0;
          R[d + 1] = (R[d + 1]! - (b >> 31) - (R[d]! >>> 0 < b >>> 0 ? 1 : 0)) | 0;
          R[d] = lo;
          break;
        }
        case 0x27:
          mul64(R, d, imm[pc]!, imm[pc]! >> 31);
          break;
        case 0x37:
          divMod64(R, d, imm[pc]!, imm[pc]! >> 31, off[pc] === 1, false);
          break;
        case 0x47:
          R[d] = R[d]! | imm[pc]!;
          R[d + 1] = R[d + 1]! | (imm[pc]! >> 31);
          break;
        case 0x57:
          R[d] = R[d]! & imm[pc]!;
          R[d + 1] = R[d + 1]! & (imm[pc]! >> 31);
          break;
        case 0x67:
          lsh64(R, d, imm[pc]! & 63);
          break;
        case 0x77:
          rsh64(R, d, imm[pc]! & 63);
          break;
        case 0x87: {
          const lo = -R[d]! | 0;
          R[d + 1] = (~R[d + 1]! + (lo === 0 ? 1 : 0)) | 0;
          R[d] = lo;
          break;
        }
        case 0x97:
          divMod64(R, d, imm[pc]!, imm[pc]! >> 31, off[pc] === 1, true);
          break;
        case 0xa7:
          R[d] = R[d]! ^ imm[pc]!;
          R[d + 1] = R[d + 1]! ^ (imm[pc]! >> 31);
          break;
        case 0xb7:
          R[d] = imm[pc]!;
          R[d + 1] = imm[pc]! >> 31;
          break;
        case 0xc7:
          arsh64(R, d, imm[pc]! & 63);
          break;
        case 0xd7: // bswap16/32/64
          endian(R, d, imm[pc]!, true);
          break;
        // ---- ALU64, register ----
        case 0x0f: {
          const s = src2[pc]!;
          const a = R[d]!;
          const lo = (a + R[s]!) | 0;
          R[d + 1] = (R[d + 1]! + R[s + 1]! + (lo >>> 0 < a >>> 0 ? 1 : 0)) | 0;
          R[d] = lo;
          break;
        }
        case 0x1f: {
          const s = src2[pc]!;
          const a = R[d]!;
          const b = R[s]!;
          R[d + 1] = (R[d + 1]! - R[s + 1]! - (a >>> 0 < b >>> 0 ? 1 : 0)) | 0;
          R[d] = (a - b) | 0;
          break;
        }
        case 0x2f:
          mul64(R, d, R[src2[pc]!]!, R[src2[pc]! + 1]!);
          break;
        case 0x3f:
          divMod64(R, d, R[src2[pc]!]!, R[src2[pc]! + 1]!, off[pc] === 1, false);
          break;
        case 0x4f:
          R[d] = R[d]! | R[src2[pc]!]!;
          R[d + 1] = R[d + 1]! | R[src2[pc]! + 1]!;
          break;
        case 0x5f:
          R[d] = R[d]! & R[src2[pc]!]!;
          R[d + 1] = R[d + 1]! & R[src2[pc]! + 1]!;
          break;
        case 0x6f:
          lsh64(R, d, R[src2[pc]!]! & 63);
          break;
        case 0x7f:
          rsh64(R, d, R[src2[pc]!]! & 63);
          break;
        case 0x9f:
          divMod64(R, d, R[src2[pc]!]!, R[src2[pc]! + 1]!, off[pc] === 1, true);
          break;
        case 0xaf:
          R[d] = R[d]! ^ R[src2[pc]!]!;
          R[d + 1] = R[d + 1]! ^ R[src2[pc]! + 1]!;
          break;
        case 0xbf: {
          const s = src2[pc]!;
          const bits = off[pc]!;
          if (bits === 0) {
            R[d] = R[s]!;
            R[d + 1] = R[s + 1]!;
          } else {
            // movsx: sign-extend the low 8/16/32 bits of src to 64.
            const v = bits === 8 ? (R[s]! << 24) >> 24 : bits === 16 ? (R[s]! << 16) >> 16 : R[s]!;
            R[d] = v;
            R[d + 1] = v >> 31;
          }
          break;
        }
        case 0xcf:
          arsh64(R, d, R[src2[pc]!]! & 63);
          break;
        // ---- ALU32, immediate: results are zero-extended into the high half ----
        case 0x04:
          R[d] = (R[d]! + imm[pc]!) | 0;
          R[d + 1] = 0;
          break;
        case 0x14:
          R[d] = (R[d]! - imm[pc]!) | 0;
          R[d + 1] = 0;
          break;
        case 0x24:
          R[d] = Math.imul(R[d]!, imm[pc]!);
          R[d + 1] = 0;
          break;
        case 0x34:
          divMod32(R, d, imm[pc]!, off[pc] === 1, false);
          break;
        case 0x44:
          R[d] = R[d]! | imm[pc]!;
          R[d + 1] = 0;
          break;
        case 0x54:
          R[d] = R[d]! & imm[pc]!;
          R[d + 1] = 0;
          break;
        case 0x64:
          R[d] = R[d]! << imm[pc]!; // JS masks the count to 5 bits, exactly the ISA's rule
          R[d + 1] = 0;
          break;
        case 0x74:
          R[d] = R[d]! >>> imm[pc]!;
          R[d + 1] = 0;
          break;
        case 0x84:
          R[d] = -R[d]! | 0;
          R[d + 1] = 0;
          break;
        case 0x94:
          divMod32(R, d, imm[pc]!, off[pc] === 1, true);
          break;
        case 0xa4:
          R[d] = R[d]! ^ imm[pc]!;
          R[d + 1] = 0;
          break;
        case 0xb4:
          R[d] = imm[pc]!;
          R[d + 1] = 0;
          break;
        case 0xc4:
          R[d] = R[d]! >> imm[pc]!;
          R[d + 1] = 0;
          break;
        case 0xd4: // le16/32/64: a no-op conversion on little-endian, truncating to the width
          endian(R, d, imm[pc]!, false);
          break;
        // ---- ALU32, register ----
        case 0x0c:
          R[d] = (R[d]! + R[src2[pc]!]!) | 0;
          R[d + 1] = 0;
          break;
        case 0x1c:
          R[d] = (R[d]! - R[src2[pc]!]!) | 0;
          R[d + 1] = 0;
          break;
        case 0x2c:
          R[d] = Math.imul(R[d]!, R[src2[pc]!]!);
          R[d + 1] = 0;
          break;
        case 0x3c:
          divMod32(R, d, R[src2[pc]!]!, off[pc] === 1, false);
          break;
        case 0x4c:
          R[d] = R[d]! | R[src2[pc]!]!;
          R[d + 1] = 0;
          break;
        case 0x5c:
          R[d] = R[d]! & R[src2[pc]!]!;
          R[d + 1] = 0;
          break;
        case 0x6c:
          R[d] = R[d]! << R[src2[pc]!]!;
          R[d + 1] = 0;
          break;
        case 0x7c:
          R[d] = R[d]! >>> R[src2[pc]!]!;
          R[d + 1] = 0;
          break;
        case 0x9c:
          divMod32(R, d, R[src2[pc]!]!, off[pc] === 1, true);
          break;
        case 0xac:
          R[d] = R[d]! ^ R[src2[pc]!]!;
          R[d + 1] = 0;
          break;
        case 0xbc: {
          const v = R[src2[pc]!]!;
          const bits = off[pc]!;
          R[d] = bits === 8 ? (v << 24) >> 24 : bits === 16 ? (v << 16) >> 16 : v;
          R[d + 1] = 0;
          break;
        }
        case 0xcc:
          R[d] = R[d]! >> R[src2[pc]!]!;
          R[d + 1] = 0;
          break;
        case 0xdc: // be16/32/64
          endian(R, d, imm[pc]!, true);
          break;
        // ---- loads: LDX (zero-extending) and LDX|MEMSX (sign-extending) ----
        case 0x61:
        case 0x81: {
          const id = locate(vm, R, src2[pc]!, off[pc]!, 4, false);
          if (id < 0) ctxLoad(vm, -1 - id, at, d, 4, op[pc] === 0x81);
          else {
            R[d] = views[id]!.getInt32(at, true);
            R[d + 1] = op[pc] === 0x81 ? R[d]! >> 31 : 0;
          }
          break;
        }
        case 0x69:
        case 0x89: {
          const id = locate(vm, R, src2[pc]!, off[pc]!, 2, false);
          if (id < 0) ctxLoad(vm, -1 - id, at, d, 2, op[pc] === 0x89);
          else if (op[pc] === 0x89) {
            R[d] = views[id]!.getInt16(at, true);
            R[d + 1] = R[d]! >> 31;
          } else {
            R[d] = views[id]!.getUint16(at, true);
            R[d + 1] = 0;
          }
          break;
        }
        case 0x71:
        case 0x91: {
          const id = locate(vm, R, src2[pc]!, off[pc]!, 1, false);
          if (id < 0) ctxLoad(vm, -1 - id, at, d, 1, op[pc] === 0x91);
          else if (op[pc] === 0x91) {
            R[d] = views[id]!.getInt8(at);
            R[d + 1] = R[d]! >> 31;
          } else {
            R[d] = views[id]!.getUint8(at);
            R[d + 1] = 0;
          }
          break;
        }
        case 0x79: {
          const id = locate(vm, R, src2[pc]!, off[pc]!, 8, false);
          if (id < 0) ctxLoad(vm, -1 - id, at, d, 8, false);
          else {
            const view = views[id]!;
            R[d] = view.getInt32(at, true);
            R[d + 1] = view.getInt32(at + 4, true);
          }
          break;
        }
        // ---- stores: ST (immediate) and STX (register) ----
        case 0x62:
        case 0x63: {
          const v = op[pc] === 0x62 ? imm[pc]! : R[src2[pc]!]!;
          const id = locate(vm, R, d, off[pc]!, 4, true);
          if (id < 0) ctxStore(vm, -1 - id, at, 4, v, v >> 31);
          else views[id]!.setInt32(at, v, true);
          break;
        }
        case 0x6a:
        case 0x6b: {
          const v = op[pc] === 0x6a ? imm[pc]! : R[src2[pc]!]!;
          const id = locate(vm, R, d, off[pc]!, 2, true);
          if (id < 0) ctxStore(vm, -1 - id, at, 2, v, v >> 31);
          else views[id]!.setInt16(at, v, true);
          break;
        }
        case 0x72:
        case 0x73: {
          const v = op[pc] === 0x72 ? imm[pc]! : R[src2[pc]!]!;
          const id = locate(vm, R, d, off[pc]!, 1, true);
          if (id < 0) ctxStore(vm, -1 - id, at, 1, v, v >> 31);
          else views[id]!.setInt8(at, v);
          break;
        }
        case 0x7a:
        case 0x7b: {
          const s = src2[pc]!;
          const lo = op[pc] === 0x7a ? imm[pc]! : R[s]!;
          const hi = op[pc] === 0x7a ? imm[pc]! >> 31 : R[s + 1]!;
          const id = locate(vm, R, d, off[pc]!, 8, true);
          if (id < 0) ctxStore(vm, -1 - id, at, 8, lo, hi);
          else {
            views[id]!.setInt32(at, lo, true);
            views[id]!.setInt32(at + 4, hi, true);
          }
          break;
        }
        // ---- atomics (one guest thread, so "atomic" is simply read-modify-write) ----
        case 0xc3:
        case 0xdb: {
          const size = op[pc] === 0xdb ? 8 : 4;
          const id = locate(vm, R, d, off[pc]!, size, true);
          if (id < 0) throw new VmFault('atomic operations on the program context are not allowed');
          atomic(R, views[id]!, at, size, imm[pc]!, src2[pc]!);
          break;
        }
        // ---- lddw and the legacy packet loads ----
        case 0x18:
          R[d] = imm[pc]!;
          R[d + 1] = immHi[pc]!;
          pc += 2;
          continue;
        case 0x20:
        case 0x28:
        case 0x30:
        case 0x40:
        case 0x48:
        case 0x50: {
          const code = op[pc]!;
          const size = (code & 0x18) === 0 ? 4 : (code & 0x18) === 0x08 ? 2 : 1;
          const base = code >= 0x40 ? R[src2[pc]!]! : 0;
          if (!legacyLoad(vm, (base + imm[pc]!) | 0, size)) {
            R[0] = R[1] = 0;
            return finishRun(vm, steps, pc);
          }
          break;
        }
        // ---- 64-bit jumps ----
        case 0x05:
          pc += off[pc]!;
          break;
        case 0x15:
          if (R[d] === imm[pc] && R[d + 1] === imm[pc]! >> 31) pc += off[pc]!;
          break;
        case 0x1d:
          if (R[d] === R[src2[pc]!] && R[d + 1] === R[src2[pc]! + 1]) pc += off[pc]!;
          break;
        case 0x55:
          if (R[d] !== imm[pc] || R[d + 1] !== imm[pc]! >> 31) pc += off[pc]!;
          break;
        case 0x5d:
          if (R[d] !== R[src2[pc]!] || R[d + 1] !== R[src2[pc]! + 1]) pc += off[pc]!;
          break;
        case 0x45:
          if ((R[d]! & imm[pc]!) !== 0 || (R[d + 1]! & (imm[pc]! >> 31)) !== 0) pc += off[pc]!;
          break;
        case 0x4d:
          if ((R[d]! & R[src2[pc]!]!) !== 0 || (R[d + 1]! & R[src2[pc]! + 1]!) !== 0) pc += off[pc]!;
          break;
        case 0x25:
        case 0x35:
        case 0xa5:
        case 0xb5:
        case 0x65:
        case 0x75:
        case 0xc5:
        case 0xd5:
          if (compare64(op[pc]!, R[d]!, R[d + 1]!, imm[pc]!, imm[pc]! >> 31)) pc += off[pc]!;
          break;
        case 0x2d:
        case 0x3d:
        case 0xad:
        case 0xbd:
        case 0x6d:
        case 0x7d:
        case 0xcd:
        case 0xdd:
          if (compare64(op[pc]!, R[d]!, R[d + 1]!, R[src2[pc]!]!, R[src2[pc]! + 1]!)) pc += off[pc]!;
          break;
        // ---- 32-bit jumps ----
        case 0x06: // gotol / ja32: the offset is in imm
          pc += imm[pc]!;
          break;
        case 0x16:
        case 0x26:
        case 0x36:
        case 0x46:
        case 0x56:
        case 0x66:
        case 0x76:
        case 0xa6:
        case 0xb6:
        case 0xc6:
        case 0xd6:
          if (compare32(op[pc]!, R[d]!, imm[pc]!)) pc += off[pc]!;
          break;
        case 0x1e:
        case 0x2e:
        case 0x3e:
        case 0x4e:
        case 0x5e:
        case 0x6e:
        case 0x7e:
        case 0xae:
        case 0xbe:
        case 0xce:
        case 0xde:
          if (compare32(op[pc]!, R[d]!, R[src2[pc]!]!)) pc += off[pc]!;
          break;
        // ---- calls and exit ----
        case 0x85: {
          const kind = src2[pc]! >> 1;
          if (kind === 1) {
            pushFrame(vm, pc + 1);
            pc += imm[pc]! + 1;
            continue;
          }
          if (kind !== 0) throw new VmFault(`kfunc calls (BTF id ${imm[pc]}) are not supported by the interpreter`);
          vm.pc = pc;
          if (callHelper(vm, imm[pc]!)) {
            if (vm.tailCallTarget !== null) return tailCall(vm, steps);
            return finishRun(vm, steps, pc);
          }
          break;
        }
        case 0x8d: // callx: the helper id is in dst
          vm.pc = pc;
          if (callHelper(vm, R[d]!)) {
            if (vm.tailCallTarget !== null) return tailCall(vm, steps);
            return finishRun(vm, steps, pc);
          }
          break;
        case 0x95:
          if (vm.depth === 0) return finishRun(vm, steps, pc);
          pc = popFrame(vm);
          // The frame belonged to a program a tail call replaced: resume the caller's program.
          if (vm.program !== p) return resumeProgram(vm, steps, pc);
          continue;
        default:
          throw new VmFault(
            pc >= p.slots
              ? `fell off the end of the program (${p.slots} instructions) without exit`
              : `opcode 0x${op[pc]!.toString(16)} is not implemented by the interpreter`,
          );
      }
      pc++;
    }
  } catch (e) {
    vm.steps = steps;
    throw finishFault(vm, pc, e);
  }
}

/**
 * Performs the tail call a helper requested: the target replaces the running program at slot 0,
 * with the same registers (r1 still the context) and the same stack frame; the caller never resumes.
 * From a subprogram, the target replaces only that frame: its exit returns to the subprogram's
 * caller, so the caller's program is remembered with the frame (the first replacement's, in a chain).
 */
function tailCall(vm: Vm, steps: number): 'tail' {
  const target = vm.tailCallTarget!;
  vm.tailCallTarget = null;
  vm.tailCalls++;
  if (vm.depth > 0) vm.returnPrograms[vm.depth - 1] ??= vm.program;
  return resumeProgram(vm, steps, 0, target);
}

/** Leaves executeProgram so that execute() re-enters it in `program` (default vm.program) at `pc`. */
function resumeProgram(vm: Vm, steps: number, pc: number, program = vm.program): 'tail' {
  vm.program = program;
  vm.steps = steps;
  vm.pc = pc;
  return 'tail';
}

function finishRun(vm: Vm, steps: number, pc: number): ExecResult {
  vm.steps = steps;
  vm.pc = pc;
  vm.status = 'exited';
  return 'exited';
}

function pushFrame(vm: Vm, returnPc: number): void {
  const depth = vm.depth;
  if (depth + 1 >= MAX_CALL_FRAMES) throw new VmFault(`call depth exceeds the kernel's ${MAX_CALL_FRAMES} frames`);
  const R = vm.regs;
  const f = depth * FRAME_WORDS;
  // r6..r10 word by word: a subarray() per call would allocate a view.
  const frames = vm.frames;
  for (let i = 0; i < 10; i++) frames[f + i] = R[12 + i]!;
  frames[f + 10] = returnPc;
  vm.returnPrograms[depth] = null;
  vm.depth = depth + 1;
  vm.mem.bytes[vm.stackIds[depth + 1]!]!.fill(0);
  R[20] = STACK_SIZE;
  R[21] = stackHigh(vm, depth + 1);
}

/**
 * Returns to the caller: r6..r9 and r10 come back as they were at the call (the callee-saved ABI),
 * and the caller's program when a tail call replaced the callee.
 */
function popFrame(vm: Vm): number {
  const depth = vm.depth - 1;
  const f = depth * FRAME_WORDS;
  const R = vm.regs;
  const frames = vm.frames;
  for (let i = 0; i < 10; i++) R[12 + i] = frames[f + i]!;
  vm.depth = depth;
  const caller = vm.returnPrograms[depth];
  if (caller !== null && caller !== undefined) {
    vm.program = caller;
    vm.returnPrograms[depth] = null;
  }
  return vm.frames[f + 10]!;
}

function compare64(code: number, alo: number, ahi: number, blo: number, bhi: number): boolean {
  const op = code & 0xf0;
  const signed = op === 0x60 || op === 0x70 || op === 0xc0 || op === 0xd0;
  const ua = signed ? ahi : ahi >>> 0;
  const ub = signed ? bhi : bhi >>> 0;
  const cmp = ua !== ub ? (ua < ub ? -1 : 1) : alo === blo ? 0 : alo >>> 0 < blo >>> 0 ? -1 : 1;
  return verdict(op, cmp);
}

function compare32(code: number, a: number, b: number): boolean {
  const op = code & 0xf0;
  if (op === 0x10) return a === b;
  if (op === 0x50) return a !== b;
  if (op === 0x40) return (a & b) !== 0;
  const signed = op === 0x60 || op === 0x70 || op === 0xc0 || op === 0xd0;
  const x = signed ? a : a >>> 0;
  const y = signed ? b : b >>> 0;
  return verdict(op, x === y ? 0 : x < y ? -1 : 1);
}

/** Maps a three-way comparison to the jump's condition (gt/ge/lt/le, signed or not). */
function verdict(op: number, cmp: number): boolean {
  switch (op) {
    case 0x20:
    case 0x60:
      return cmp > 0;
    case 0x30:
    case 0x70:
      return cmp >= 0;
    case 0xa0:
    case 0xc0:
      return cmp < 0;
    default: // 0xb0, 0xd0
      return cmp <= 0;
  }
}

function lsh64(R: Int32Array, d: number, s: number): void {
  if (s === 0) return;
  if (s < 32) {
    R[d + 1] = (R[d + 1]! << s) | (R[d]! >>> (32 - s));
    R[d] = R[d]! << s;
  } else {
    R[d + 1] = R[d]! << (s - 32);
    R[d] = 0;
  }
}

function rsh64(R: Int32Array, d: number, s: number): void {
  if (s === 0) return;
  if (s < 32) {
    R[d] = (R[d]! >>> s) | (R[d + 1]! << (32 - s));
    R[d + 1] = R[d + 1]! >>> s;
  } else {
    R[d] = R[d + 1]! >>> (s - 32);
    R[d + 1] = 0;
  }
}

function arsh64(R: Int32Array, d: number, s: number): void {
  if (s === 0) return;
  if (s < 32) {
    R[d] = (R[d]! >>> s) | (R[d + 1]! << (32 - s));
    R[d + 1] = R[d + 1]! >> s;
  } else {
    R[d] = R[d + 1]! >> (s - 32);
    R[d + 1] = R[d + 1]! >> 31;
  }
}

/** le/be/bswap of the low `bits` bits; `swap` is false only for le, a truncation on this little-endian VM. */
function endian(R: Int32Array, d: number, bits: number, swap: boolean): void {
  if (bits === 16) {
    R[d] = swap ? bswap16(R[d]!) : R[d]! & 0xffff;
    R[d + 1] = 0;
  } else if (bits === 32) {
    R[d] = swap ? bswap32(R[d]!) : R[d]!;
    R[d + 1] = 0;
  } else if (swap) {
    const lo = R[d]!;
    R[d] = bswap32(R[d + 1]!);
    R[d + 1] = bswap32(lo);
  }
}
