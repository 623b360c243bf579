/** The loader's result: what the verifier, the runtime, the CLI and the UI consume. */
import type { Btf } from './btf';
import type { BtfExt } from './btf-ext';
import type { ElfFile } from './elf-types';
import type { FuncInfo, LineInfo } from './line-info';
import type { MapDefinition } from './map-definition';
import type { MapReference } from './relocate';
import type { SectionKind } from './sections';

/** One function inside a linked program. */
export interface ProgramFunction {
  readonly name: string;
  /** First instruction (slot) index inside the program. */
  readonly start: number;
  readonly insnCount: number;
  /** False for the entry function; true for .text subprograms appended to it. */
  readonly isSubprogram: boolean;
  /** Global (non-static) functions; the kernel verifies global subprograms separately. */
  readonly global: boolean;
}

/**
 * A loadable program: an entry function plus copies of the subprograms it calls, relocated.
 *
 * Instruction encoding of `code` (what the runtime must resolve):
 * - lddw with src=5 (BPF_PSEUDO_MAP_IDX): imm = index into BpfObject.maps; load that map's address.
 * - lddw with src=6 (BPF_PSEUDO_MAP_IDX_VALUE): imm = map index, second imm = byte offset into its
 *   value (global data: `.data`/`.bss`/`.rodata*` variables).
 * - lddw with src=4 (BPF_PSEUDO_FUNC): imm = pc-relative start of a subprogram (callbacks, e.g. bpf_loop).
 * - call with src=1: imm = pc-relative start of a subprogram, as the kernel expects.
 * The same facts are listed in `mapReferences`, so nobody needs to re-derive them.
 */
export interface BpfProgram {
  /** The entry function's name (what bpftool shows as the program name, before truncation to 15). */
  readonly name: string;
  /** SEC() name, e.g. "xdp", "kprobe/do_nanosleep". */
  readonly sectionName: string;
  readonly kind: SectionKind;
  /** Little-endian instruction bytes, 8 per slot (decode with isa/decodeProgram). */
  readonly code: Uint8Array;
  /** Number of 8-byte slots in `code` (the kernel's instruction count). */
  readonly insnCount: number;
  readonly functions: readonly ProgramFunction[];
  readonly mapReferences: readonly MapReference[];
  /** FUNC types per function start (from .BTF.ext), program-relative. */
  readonly funcInfo: readonly FuncInfo[];
  /** Source line records (from .BTF.ext), program-relative, sorted by instruction. */
  readonly lineInfo: readonly LineInfo[];
  /** lineAt[pc]: the source position governing slot pc, or null where none is known. */
  readonly lineAt: readonly (LineInfo | null)[];
}

export interface BpfObject {
  /** Object name used for internal map names (libbpf: the file name up to its first '.'). */
  readonly name: string;
  /** Contents of the "license" section ("" when absent). */
  readonly license: string;
  /** The "version" section value (legacy kprobe kernel version), or null when absent. */
  readonly kernelVersion: number | null;
  /** Entry programs, in section order and then address order (libbpf's order). */
  readonly programs: readonly BpfProgram[];
  /** Maps in libbpf creation order: legacy "maps", then ".maps" (BTF), then global data by section. */
  readonly maps: readonly MapDefinition[];
  /** Parsed .BTF (DATASEC sizes filled in from the ELF sections, as libbpf does), or null. */
  readonly btf: Btf | null;
  readonly btfExt: BtfExt | null;
  readonly elf: ElfFile;
}
