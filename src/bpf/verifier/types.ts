/**
 * The verifier's view of the world, kept deliberately small so the loader, helper registry and
 * program-type modules can be adapted to it: maps by the value a `lddw` carries, helper prototypes in
 * the kernel's vocabulary, the program type, the license and the privilege level.
 */
import type { HelperProto as RegistryHelperProto } from '../helpers/prototypes';

export type ProgType =
  | 'socket_filter'
  | 'kprobe'
  | 'sched_cls'
  | 'sched_act'
  | 'tracepoint'
  | 'xdp'
  | 'perf_event'
  | 'cgroup_skb'
  | 'raw_tracepoint';

/** Kernel enum bpf_prog_type values, for tests and adapters that speak numbers. */
export const PROG_TYPE_IDS: Readonly<Record<ProgType, number>> = {
  socket_filter: 1,
  kprobe: 2,
  sched_cls: 3,
  sched_act: 4,
  tracepoint: 5,
  xdp: 6,
  perf_event: 7,
  cgroup_skb: 8,
  raw_tracepoint: 17,
};

export interface VerifierMap {
  name: string;
  /** Kernel enum bpf_map_type value (1 hash, 2 array, 6 percpu array, 27 ringbuf, ...). */
  type: number;
  keySize: number;
  valueSize: number;
  maxEntries: number;
  flags?: number;
  /**
   * array_of_maps / hash_of_maps: the inner map template. A lookup's value, once null-checked, is a
   * pointer to a map like it (the kernel's CONST_PTR_TO_MAP of inner_map_meta), not map memory.
   */
  inner?: VerifierMap | null;
}

/**
 * Helper argument and return kinds: the kernel's enum bpf_arg_type / bpf_return_type vocabulary, as
 * the helper registry declares it (one vocabulary for registry and verifier; flags joined with "|").
 */
export type { ArgType, RetType } from '../helpers/prototypes';

/** The registry's prototype (return, arguments, GPL flag) with what the verifier adds to it. */
export interface HelperProto extends Pick<RegistryHelperProto, 'ret' | 'args' | 'gplOnly'> {
  id: number;
  /** The kernel's name, e.g. "bpf_map_lookup_elem" (printed in the log as `call NAME#ID`). */
  name: string;
  /** Program types that may call it; undefined means every type. */
  progTypes?: readonly ProgType[];
  /** Calling it invalidates packet pointers (bpf_xdp_adjust_head and friends). */
  changesPktData?: boolean;
}

export interface LineInfo {
  /** First instruction the line applies to. */
  insn: number;
  /** "file.c:12" */
  where: string;
  /** The source text of the line, printed in the log as `; text @ file.c:12`. */
  text: string;
}

export interface VerifierEnv {
  progType: ProgType;
  /** Maps by the imm of `lddw rX, map` (pseudo map fd). */
  maps: ReadonlyMap<number, VerifierMap>;
  helper(id: number): HelperProto | undefined;
  /** Whether the license string is GPL-compatible. */
  licenseGpl: boolean;
  /** BTF line info, sorted by instruction. */
  lineInfo?: readonly LineInfo[];
  /** libbpf's expected_attach_type without BPF_ ("CGROUP_INET_EGRESS"); some return ranges depend on it. */
  expectedAttachType?: string | null;
}

export interface VerifyOptions {
  /** 0: no log; 1: the path to the error; 2: every instruction with its state. */
  logLevel?: 0 | 1 | 2;
  /** Root with CAP_BPF/CAP_PERFMON (the default) or an unprivileged user. */
  privileged?: boolean;
  /** Record the abstract state before each instruction of the failing path (or of every path when 'all'). */
  collectStates?: 'failing' | 'all' | 'none';
  /** Processed-instruction limit; the kernel's is 1,000,000. */
  insnLimit?: number;
}

export interface RegView {
  /** Kernel-format description, e.g. "map_value(map=counts,ks=4,vs=8)" or "scalar(umax=15)". */
  text: string;
  type: string;
}

export interface StateSnapshot {
  insn: number;
  frame: number;
  /** r0..r10; null when not initialised. */
  regs: (RegView | null)[];
  /** Stack slots in use: offset from the frame pointer and kernel-format contents. */
  stack: { off: number; text: string }[];
}

export interface VerifierError {
  insn: number;
  /** The kernel's message, verbatim. */
  message: string;
  /** "file.c:12" when line info is available. */
  line?: string;
  /** A stable identifier for the kind of rejection (see explain.ts). */
  kind: string;
  /** Plain-words explanation and the fix that usually works. */
  explanation: string;
}

export interface VerifyResult {
  accepted: boolean;
  error: VerifierError | null;
  log: string;
  stats: { processed: number; states: number; peakStates: number; maxStatesPerInsn: number };
  states?: StateSnapshot[];
}
