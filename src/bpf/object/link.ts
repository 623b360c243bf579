/**
 * Builds one loadable program from an entry function, as libbpf's bpf_object__reloc_code does:
 * walking the instructions in order, the first call (or function address) reaching a ".text"
 * subprogram appends that subprogram at the end and processes it before continuing, so each program
 * carries its own copy of every subprogram it transitively uses, in depth-first first-use order.
 * `subprogramAt` maps a .text instruction index to the subprogram starting there.
 * Call imm / lddw imm are then rewritten relative to the new positions. Iterative, not recursive:
 * a hostile chain of thousands of subprograms must not overflow the stack.
 */
import { hex } from './elf-reader';
import { LoadError } from './errors';
import { INSN_SIZE, type ElfFunction } from './functions';
import { BPF_PSEUDO_CALL, BPF_PSEUDO_FUNC, type FunctionRelocs, type MapReference } from './relocate';

const OP_LDDW = 0x18;
const OP_CALL = 0x85;

/** Where a function's copy starts inside a linked program. */
export interface PlacedFunction {
  readonly fn: ElfFunction;
  /** First instruction index of the copy inside the program. */
  readonly start: number;
}

export interface LinkedProgram {
  readonly code: Uint8Array;
  /** The entry function first, then the appended subprograms in the order they were appended. */
  readonly placed: readonly PlacedFunction[];
  /** Map references with program-relative instruction indices. */
  readonly maps: readonly MapReference[];
}

interface Frame {
  readonly placed: PlacedFunction;
  next: number;
}

export function linkProgram(
  entry: ElfFunction,
  subprogramAt: ReadonlyMap<number, ElfFunction>,
  relocs: ReadonlyMap<ElfFunction, FunctionRelocs>,
): LinkedProgram {
  const placed: PlacedFunction[] = [{ fn: entry, start: 0 }];
  const startOf = new Map<ElfFunction, number>([[entry, 0]]);
  let total = entry.insnCount;
  const stack: Frame[] = [{ placed: placed[0]!, next: 0 }];
  // Patched copies: imm fields change per program, so never write into the shared function bytes.
  const copies = new Map<ElfFunction, Uint8Array>([[entry, Uint8Array.from(entry.code)]]);

  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const { fn, start } = frame.placed;
    if (frame.next >= fn.insnCount) {
      stack.pop();
      continue;
    }
    const i = frame.next++;
    const code = copies.get(fn)!;
    const view = new DataView(code.buffer, code.byteOffset, code.byteLength);
    const opcode = view.getUint8(i * INSN_SIZE);
    const src = view.getUint8(i * INSN_SIZE + 1) >> 4;
    const imm = view.getInt32(i * INSN_SIZE + 4, true);
    const reloc = relocs.get(fn)?.code.get(i);
    if (opcode === OP_LDDW) frame.next++; // skip the second slot
    const isLocalCall = opcode === OP_CALL && src === BPF_PSEUDO_CALL;
    if (reloc === undefined && !isLocalCall) continue;

    const where = `function '${fn.name}' (section '${fn.section.name}') insn ${i}`;
    let target: number;
    if (reloc?.kind === 'call') target = reloc.symbolOffset / INSN_SIZE + imm + 1;
    else if (reloc?.kind === 'func-addr') target = (reloc.symbolOffset + imm) / INSN_SIZE;
    else if (fn.isSubprogram)
      target = fn.sectionInsnOffset + i + imm + 1; // static call inside .text: no relocation
    else throw new LoadError(where, 'bpf-to-bpf call without a relocation outside .text');

    const callee = subprogramAt.get(target);
    if (callee === undefined) {
      throw new LoadError(where, `call target .text+${hex(target * INSN_SIZE)} is not the start of a subprogram`);
    }
    let calleeStart = startOf.get(callee);
    if (calleeStart === undefined) {
      calleeStart = total;
      total += callee.insnCount;
      startOf.set(callee, calleeStart);
      copies.set(callee, Uint8Array.from(callee.code));
      const p = { fn: callee, start: calleeStart };
      placed.push(p);
      stack.push({ placed: p, next: 0 });
    }
    view.setInt32(i * INSN_SIZE + 4, calleeStart - (start + i) - 1, true);
    if (reloc?.kind === 'func-addr') {
      view.setUint8(i * INSN_SIZE + 1, (BPF_PSEUDO_FUNC << 4) | (view.getUint8(i * INSN_SIZE + 1) & 0xf));
    }
  }

  const code = new Uint8Array(total * INSN_SIZE);
  const maps: MapReference[] = [];
  for (const p of placed) {
    code.set(copies.get(p.fn)!, p.start * INSN_SIZE);
    for (const m of relocs.get(p.fn)?.maps ?? []) maps.push({ ...m, insn: m.insn + p.start });
  }
  return { code, placed, maps };
}
