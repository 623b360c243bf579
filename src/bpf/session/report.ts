/**
 * The `run --json` contract of issue 3, as types. The kernel-differential runner produces the same
 * shape from the real kernel, so both sides are compared field by field.
 */

export interface VerifierReport {
  readonly accepted: boolean;
  /** The first rejection: instruction index (slot) and message; null when accepted. */
  readonly error: { readonly insn: number; readonly message: string } | null;
  readonly log: string;
}

export interface RunSuccess {
  /** The program's return value as BPF_PROG_TEST_RUN reports it (a u32). */
  readonly retval: number;
  /** The whole packet after the run (after adjust_head/tail/meta), lowercase hex. */
  readonly packet: string;
  /** The message part of each trace_pipe line the run produced. */
  readonly trace: readonly string[];
  /** Only with --repeat N: mean duration of one run, as `bpftool prog run ... repeat N` reports it. */
  readonly duration_ns_avg?: number;
}

/**
 * A run the kernel would refuse or that faulted. Messages start with the errno name the kernel's
 * BPF_PROG_TEST_RUN would return ("EINVAL: ..."), so the differential test can compare that part.
 */
export interface RunFailure {
  readonly error: string;
}

export type RunResult = RunSuccess | RunFailure;

export interface MapReport {
  /** Type name as bpftool prints it. */
  readonly type: string;
  /**
   * Keys and values as raw little-endian lowercase hex, in the map's display order; arrays list
   * every index. Per-CPU values: every possible CPU's copy, each padded to 8 bytes, CPU 0 first
   * (the syscall layout). Queues and stacks: key "" and values in pop order.
   */
  readonly entries: readonly { readonly key: string; readonly value: string }[];
}

export interface RunReport {
  readonly verifier: VerifierReport;
  readonly runs: readonly RunResult[];
  readonly maps: Readonly<Record<string, MapReport>>;
}

export const isFailure = (r: RunResult): r is RunFailure => 'error' in r;
