/**
 * Where the runtime plugs into the pure core (src/bpf). Each stage is an adapter from the core's
 * own types to the protocol's result types; a stage whose core module has not landed yet is null
 * with the reason the UI shows. When a core module lands, fill in its adapter here — nothing else
 * in the runtime or the UI changes.
 */
import type {
  DisasmLine,
  MapInfo,
  PipelineStage,
  ProgramInfo,
  RunReport,
  StepState,
  VerifierReport,
} from '../protocol';

export interface LoaderAdapter<H> {
  /** Parses a BPF ELF object (issue 3): programs, maps, and an opaque handle for later stages. */
  load(object: Uint8Array): { programs: ProgramInfo[]; maps: MapInfo[]; handle: H };
}

export interface RuntimeCore<H = unknown> {
  readonly loader: LoaderAdapter<H> | null;
  /** llvm-objdump-style listing with BTF line info (src/bpf/asm + src/bpf/object). */
  readonly disassemble: ((handle: H, program: string) => DisasmLine[]) | null;
  /** The verifier (issue 4), privileged or not. */
  readonly verify: ((handle: H, program: string, privileged: boolean) => VerifierReport) | null;
  /** BPF_PROG_TEST_RUN semantics, packets in order, maps carrying state (issue 3). */
  readonly run: ((handle: H, program: string, packets: readonly Uint8Array[], seed: number) => RunReport) | null;
  /**
   * One run of one packet recorded state by state (for stepping back and forth), at most `limit`
   * states; the last state has retval set when the program exited within the limit.
   */
  readonly record:
    ((handle: H, program: string, packet: Uint8Array, seed: number, limit: number) => StepState[]) | null;
}

export const MISSING_REASONS: Readonly<Record<Exclude<PipelineStage, 'compiler'>, string>> = {
  loader: 'The BPF object loader (ELF, BTF, relocations) has not landed yet.',
  disassembler: 'The disassembler has not landed yet.',
  verifier: 'The verifier has not landed yet.',
  vm: 'The interpreter and program runner have not landed yet.',
};

/** The core as it exists in this build. */
export const CORE: RuntimeCore = {
  loader: null,
  disassemble: null,
  verify: null,
  run: null,
  record: null,
};
