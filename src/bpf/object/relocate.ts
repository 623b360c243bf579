/**
 * Applies code relocations the way libbpf's bpf_program__record_reloc + bpf_object__relocate_data do:
 * lddw against a map → src=BPF_PSEUDO_MAP_IDX (5), imm = map index; lddw against global data →
 * src=BPF_PSEUDO_MAP_IDX_VALUE (6), imm = map index, second imm = offset inside the section.
 * Calls and function addresses into ".text" are only recorded here; link.ts resolves them once it
 * knows where each subprogram lands in each program.
 */
import { hex } from './elf-reader';
import { SHN, STB, STT, type ElfFile, type ElfSymbol } from './elf-types';
import { LoadError } from './errors';
import { functionIndex, INSN_SIZE, type ElfFunction } from './functions';

export const BPF_PSEUDO_MAP_FD = 1;
export const BPF_PSEUDO_MAP_VALUE = 2;
export const BPF_PSEUDO_CALL = 1;
export const BPF_PSEUDO_FUNC = 4;
/** lddw src: imm is an index into the program's map list (the kernel's fd_array form). */
export const BPF_PSEUDO_MAP_IDX = 5;
/** lddw src: imm is a map index, the second imm an offset into its value. */
export const BPF_PSEUDO_MAP_IDX_VALUE = 6;

const OP_LDDW = 0x18;
const OP_CALL = 0x85;

/** A relocation left for the linker: a call or a function address into ".text". */
export interface CodeReloc {
  readonly kind: 'call' | 'func-addr';
  /** Symbol value (byte offset in ".text"); combined with the instruction's imm as libbpf does. */
  readonly symbolOffset: number;
}

/** Where a lddw now points: kept next to the patched code so consumers need not re-decode it. */
export interface MapReference {
  /** Instruction index (slot) of the lddw inside the function, later inside the program. */
  readonly insn: number;
  readonly mapIndex: number;
  /** 'map': the map itself (src=5). 'value': an address inside a global-data map's value (src=6). */
  readonly kind: 'map' | 'value';
  /** Byte offset inside the value for 'value' references; 0 for 'map'. */
  readonly offset: number;
}

export interface FunctionRelocs {
  readonly code: Map<number, CodeReloc>;
  readonly maps: MapReference[];
}

/** How the relocator finds maps: by definition site for maps, by section for global data. */
export interface MapResolver {
  mapAt(sectionIndex: number, offset: number): number | undefined;
  isMapSection(sectionIndex: number): boolean;
  dataMapOf(sectionIndex: number): number | undefined;
}

const isSubprogSymbol = (sym: ElfSymbol, textIndex: number): boolean =>
  sym.sectionIndex === textIndex &&
  ((sym.bind === STB.LOCAL && sym.type === STT.SECTION) || (sym.bind === STB.GLOBAL && sym.type === STT.FUNC));

function applyOne(fn: ElfFunction, insn: number, sym: ElfSymbol, elf: ElfFile, maps: MapResolver, out: FunctionRelocs) {
  const where = `relocation at '${fn.section.name}'+${hex(insn * INSN_SIZE)} (function '${fn.name}') against '${sym.name}'`;
  const view = new DataView(fn.code.buffer, fn.code.byteOffset, fn.code.byteLength);
  const at = insn * INSN_SIZE;
  const opcode = view.getUint8(at);
  const src = view.getUint8(at + 1) >> 4;
  const imm = view.getInt32(at + 4, true);
  const textIndex = elf.sectionByName('.text')?.index ?? -1;
  if (opcode !== OP_LDDW && opcode !== OP_CALL)
    throw new LoadError(where, `instruction ${hex(opcode)} is not lddw or call`);
  if (sym.sectionIndex === SHN.UNDEF)
    throw new LoadError(where, 'extern symbols (kconfig/ksym/kfuncs) are not supported');
  if (opcode === OP_CALL) {
    if (src !== BPF_PSEUDO_CALL) throw new LoadError(where, 'relocated call is not a bpf-to-bpf call (src != 1)');
    if (sym.sectionIndex !== textIndex) throw new LoadError(where, 'call target is not in .text');
    if (sym.value % INSN_SIZE !== 0)
      throw new LoadError(where, `call target offset ${sym.value} is not an instruction`);
    out.code.set(insn, { kind: 'call', symbolOffset: sym.value });
    return;
  }
  if (insn * INSN_SIZE + 16 > fn.code.length) throw new LoadError(where, 'lddw is truncated');
  if (sym.sectionIndex >= SHN.LORESERVE)
    throw new LoadError(where, `symbol is in special section ${hex(sym.sectionIndex)}`);
  if (isSubprogSymbol(sym, textIndex)) {
    if (sym.value % INSN_SIZE !== 0 || imm % INSN_SIZE !== 0) throw new LoadError(where, 'misaligned function address');
    out.code.set(insn, { kind: 'func-addr', symbolOffset: sym.value });
    return;
  }
  const setLddw = (srcReg: number, mapIndex: number, second: number): void => {
    view.setUint8(at + 1, (srcReg << 4) | (view.getUint8(at + 1) & 0xf));
    view.setInt32(at + 4, mapIndex, true);
    view.setInt32(at + 12, second, true);
  };
  if (maps.isMapSection(sym.sectionIndex)) {
    const mapIndex = maps.mapAt(sym.sectionIndex, sym.value);
    if (mapIndex === undefined) throw new LoadError(where, `no map is defined at offset ${sym.value} of its section`);
    setLddw(BPF_PSEUDO_MAP_IDX, mapIndex, 0);
    out.maps.push({ insn, mapIndex, kind: 'map', offset: 0 });
    return;
  }
  const dataMap = maps.dataMapOf(sym.sectionIndex);
  if (dataMap === undefined) {
    const section = elf.sections[sym.sectionIndex]?.name ?? `#${sym.sectionIndex}`;
    throw new LoadError(where, `symbol is in section '${section}', which is neither a map nor global data`);
  }
  const offset = imm + sym.value;
  setLddw(BPF_PSEUDO_MAP_IDX_VALUE, dataMap, offset);
  out.maps.push({ insn, mapIndex: dataMap, kind: 'value', offset });
}

/** Patches map/data references in every function and returns the call relocations per function. */
export function relocateFunctions(
  elf: ElfFile,
  functions: readonly ElfFunction[],
  maps: MapResolver,
): Map<ElfFunction, FunctionRelocs> {
  const result = new Map<ElfFunction, FunctionRelocs>(functions.map((f) => [f, { code: new Map(), maps: [] }]));
  const functionAt = functionIndex(functions);
  const codeSections = new Set(functions.map((f) => f.section.index));
  for (const rel of elf.relocations) {
    const target = elf.sections[rel.targetIndex]!;
    if (!codeSections.has(target.index)) continue;
    for (const entry of rel.entries) {
      const where = `relocation section '${rel.section.name}' at offset ${hex(entry.offset)}`;
      if (entry.offset % INSN_SIZE !== 0) throw new LoadError(where, 'offset is not an instruction boundary');
      const sectionInsn = entry.offset / INSN_SIZE;
      const fn = functionAt(target.index, sectionInsn);
      if (fn === undefined) throw new LoadError(where, 'points outside every function of the section');
      applyOne(fn, sectionInsn - fn.sectionInsnOffset, elf.symbols[entry.symbol]!, elf, maps, result.get(fn)!);
    }
  }
  return result;
}
