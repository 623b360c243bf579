/**
 * The runtime worker's API and the result types the panels render. Shapes follow the CLI JSON of
 * issues 3 and 4 where they overlap, so the page and `ebpf-playground run --json` agree.
 * Values cross postMessage by structured clone: bigint and Uint8Array are fine here.
 */
import type { Diagnostic } from './compiler';
import type { TrafficRequest, TrafficSummary } from './traffic';

/** A pipeline stage's answer: a value, a failure of the user's program, or a stage not built yet. */
export type Stage<T> =
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'error'; readonly message: string; readonly diagnostics?: readonly Diagnostic[] }
  | { readonly status: 'unavailable'; readonly stage: PipelineStage; readonly reason: string };

export type PipelineStage = 'compiler' | 'loader' | 'disassembler' | 'verifier' | 'vm';

export type ProgramKind = 'xdp' | 'tc' | 'socket' | 'cgroup_skb' | 'kprobe' | 'tracepoint';

// --- loading ----------------------------------------------------------------------------------

export interface ProgramInfo {
  /** Function name. */
  readonly name: string;
  /** ELF section / SEC() name, e.g. "xdp" or "kprobe/do_sys_open". */
  readonly section: string;
  readonly kind: ProgramKind | null;
  /** Instruction slots (a lddw counts two). */
  readonly insnCount: number;
}

export interface MapInfo {
  readonly name: string;
  /** As bpftool prints it: "hash", "array", "percpu_array", "ringbuf", ... */
  readonly type: string;
  readonly keySize: number;
  readonly valueSize: number;
  readonly maxEntries: number;
  /** Value copies per entry: the simulated CPUs for per-CPU maps, 1 otherwise. */
  readonly cpus: number;
}

/** One line of llvm-objdump-style disassembly. */
export interface DisasmLine {
  /** Slot index (the kernel's instruction numbering). */
  readonly pc: number;
  /** Raw bytes of the instruction (16 hex digits, or 32 for lddw). */
  readonly bytes: string;
  /** llvm-objdump syntax, e.g. "r2 = *(u32 *)(r1 + 0x4)". */
  readonly text: string;
  /** Target slot of a jump or local call, for links. */
  readonly target: number | null;
  /** Relocation named, e.g. "counts" for a map load. */
  readonly relocation: string | null;
  /** C source line from BTF line info. */
  readonly source: { readonly line: number; readonly text: string } | null;
  /** Set on the first instruction of a function (the entry or a subprogram): its name. */
  readonly label?: string;
}

export interface LoadedObject {
  /** Where the object came from: the compiler, or a file the user opened (its name). */
  readonly origin: { readonly kind: 'compiled' } | { readonly kind: 'file'; readonly name: string };
  readonly programs: readonly ProgramInfo[];
  readonly maps: readonly MapInfo[];
  /** The selected program. */
  readonly program: string;
  readonly disassembly: Stage<readonly DisasmLine[]>;
}

// --- verifier ---------------------------------------------------------------------------------

/** Abstract state of one register as the verifier tracks it, already rendered in kernel notation. */
export interface AbstractRegister {
  readonly reg: number;
  /** e.g. "pkt(off=0,r=14,imm=0)", "scalar(umin=0,umax=255)", "map_value_or_null(...)". */
  readonly state: string;
  /** One sentence for a student: "a packet pointer; 14 bytes after it are known to be in the packet". */
  readonly plain: string;
}

export interface AbstractStep {
  readonly pc: number;
  readonly insn: string;
  readonly sourceLine: number | null;
  readonly registers: readonly AbstractRegister[];
  /** Stack slots in use: offset from r10 (negative) and state. */
  readonly stack: readonly { readonly offset: number; readonly state: string }[];
}

export interface VerifierReport {
  readonly accepted: boolean;
  readonly error: { readonly insn: number; readonly line: string | null; readonly message: string } | null;
  /** Kernel-format log, verbatim. */
  readonly log: string;
  readonly stats: { readonly processed: number; readonly states: number };
  /** Plain-words explanation of a rejection and the usual fix. */
  readonly explanation: string | null;
  /** Abstract state before each instruction on the failing path (or on request for accepted ones). */
  readonly path: readonly AbstractStep[];
  /** Markers for the editor (the failing C line). */
  readonly diagnostics: readonly Diagnostic[];
}

// --- running ----------------------------------------------------------------------------------

export interface TraceLine {
  /** Whole line as trace_pipe prints it. */
  readonly text: string;
  /** The message part after "bpf_trace_printk: ". */
  readonly message: string;
  /** Which run (packet index) produced it. */
  readonly run: number;
}

export interface MapEntry {
  /** Raw little-endian bytes as lowercase hex. */
  readonly key: string;
  /** One value, or one per simulated CPU for per-CPU maps. */
  readonly value: string | readonly string[];
  /** BTF pretty-printed forms, when BTF describes the types (per CPU like `value`). */
  readonly keyText: string | null;
  readonly valueText: string | readonly string[] | null;
}

/** A user-space edit of a map, as bpftool/libbpf would make it. Keys and values are raw hex. */
export interface MapEdit {
  readonly map: string;
  readonly op: 'update' | 'delete';
  readonly key: string;
  /** Per-CPU maps: every CPU's copy, each padded to 8 bytes (the syscall layout). */
  readonly value?: string;
  /** BPF_ANY 0, BPF_NOEXIST 1, BPF_EXIST 2. */
  readonly flags?: 0 | 1 | 2;
}

export interface MapSnapshot extends MapInfo {
  readonly entries: readonly MapEntry[];
}

/** A record a program sent to user space through a ring buffer or perf event array, as a reader polled it. */
export interface OutputEvent {
  /** The ringbuf / perf_event_array map. */
  readonly map: string;
  readonly cpu: number;
  /** The record's bytes, lowercase hex. */
  readonly data: string;
  /** One line: the record decoded with its BTF type when known (`events: pid=1201 comm="curl"`), else hex. */
  readonly text: string;
  /** The packet run (index) or firing (seq) that sent it. */
  readonly run: number;
}

export interface PacketRun {
  readonly retval: bigint;
  /** The return value in words for the program type: "XDP_DROP", "TC_ACT_OK", "keep 60 bytes". */
  readonly verdict: string;
  readonly packetIn: Uint8Array;
  readonly packetOut: Uint8Array;
  readonly trace: readonly TraceLine[];
  /** Ring buffer and perf event records of this run, drained after it as user space would poll them. */
  readonly events: readonly OutputEvent[];
  readonly instructions: number;
  readonly error: string | null;
}

/** Which engine ran a plain run: the JIT to WebAssembly, or the interpreter with the reason it fell back. */
export interface RunEngine {
  readonly engine: 'jit' | 'interpreter';
  /** Why the interpreter ran although the JIT was asked for; null when the JIT ran. */
  readonly fallback: string | null;
}

export interface RunReport {
  readonly runs: readonly PacketRun[];
  readonly maps: readonly MapSnapshot[];
  readonly engine: RunEngine;
}

/** A pointer register as region + offset. */
export interface PointerValue {
  readonly region: string;
  readonly offset: number;
}

export interface RegisterValue {
  readonly value: bigint;
  readonly pointer: PointerValue | null;
}

/** One bpf-to-bpf call frame of a stepped run, outermost (the entry program) first. */
export interface StepFrame {
  readonly function: string;
  /** Where this frame is: the current instruction for the innermost frame, the call for its callers. */
  readonly pc: number;
  /** Where this frame continues in its caller when it returns (null for the entry program). */
  readonly returnPc: number | null;
  /** r6–r10 of this frame (callee-saved, so a caller's are as it left them at the call). */
  readonly registers: readonly RegisterValue[];
  /** The frame's 512 stack bytes, lowest address first (fp-512 … fp-1). */
  readonly stack: Uint8Array;
}

/** The machine state before instruction `pc` during a stepped run. */
export interface StepState {
  /** Index of this state in the recorded run (0 = before the first instruction). */
  readonly step: number;
  readonly totalSteps: number | null;
  readonly pc: number;
  readonly registers: readonly RegisterValue[];
  /** Registers written by the previous instruction. */
  readonly changed: readonly number[];
  /** The current frame's 512 stack bytes, lowest address first. */
  readonly stack: Uint8Array;
  /** Every call frame, outermost first; the last is the current one. */
  readonly frames: readonly StepFrame[];
  readonly sourceLine: number | null;
  /** Set once the program has exited. */
  readonly retval: bigint | null;
  /** trace_pipe lines the run has printed up to this state (each appears as its bpf_printk executes). */
  readonly trace: readonly TraceLine[];
  /** The maps as they are at this state; null when the recording stopped following them (very long runs). */
  readonly maps: readonly MapSnapshot[] | null;
}

// --- the API ----------------------------------------------------------------------------------

export interface LoadRequest {
  readonly object: Uint8Array;
  /** Program to select by section or function name; null = the first program. */
  readonly program: string | null;
  readonly privileged: boolean;
  /** Set when the user opened an object file rather than compiling: its file name. */
  readonly fileName?: string;
}

export interface RunRequest {
  readonly packets: readonly Uint8Array[];
  /** Seed for bpf_get_prandom_u32, so runs are reproducible. */
  readonly seed: number;
}

// --- attach runs (tracing) ---------------------------------------------------------------------

/** A workload preset by name, or workload text (src/bpf/kernel/WORKLOADS.md). */
export type WorkloadSpec = { readonly preset: string } | { readonly text: string };

export interface AttachRequest {
  readonly workload: WorkloadSpec;
  /** "TYPE:TARGET[=FUNCTION]" as the CLI's --attach; empty = libbpf's auto-attach from SEC() names. */
  readonly attachments: readonly string[];
  /** User-space map writes before the workload starts (share-link map pre-seeds). */
  readonly seeds: readonly MapEdit[];
  readonly seed: number;
  /** Streamed batches carry it, so the page ignores batches of a run it has replaced. */
  readonly runId: number;
}

/** One firing of an attached program, as the page lists it. */
export interface FiringView {
  readonly seq: number;
  /** Simulated nanoseconds since boot (bpf_ktime_get_ns during the firing). */
  readonly timeNs: number;
  readonly cpu: number;
  /** "kprobe:__x64_sys_socket" */
  readonly attachment: string;
  readonly program: string;
  readonly comm: string;
  readonly pid: number;
  /** The kernel event in a few words: "curl (pid 1201) __x64_sys_socket AF_INET type=1 proto=6". */
  readonly summary: string;
  readonly retval: number | null;
  readonly error: string | null;
  readonly trace: readonly TraceLine[];
  /** Ring buffer and perf event records of this firing (also shown as trace_pipe lines). */
  readonly events: readonly OutputEvent[];
}

/** Event the runtime posts while a workload plays: the firings since the last batch and the maps now. */
export const ATTACH_BATCH_EVENT = 'attach-batch';

export interface AttachBatch {
  readonly runId: number;
  readonly firings: readonly FiringView[];
  readonly maps: readonly MapSnapshot[];
}

export interface AttachSummary {
  /** What ran where, e.g. "hello_world on kprobe:__x64_sys_socket". */
  readonly plan: readonly { readonly attachment: string; readonly program: string }[];
  readonly firings: number;
  readonly traced: number;
  readonly errors: number;
  /** Simulated time the workload covered, ns. */
  readonly durationNs: number;
  readonly maps: readonly MapSnapshot[];
}

// --- lesson checks ------------------------------------------------------------------------------

/** An expectation about one map element after the check's runs (raw little-endian hex). */
export interface MapExpectation {
  readonly map: string;
  readonly key: string;
  /** Exact value; per-CPU maps compare the sum of the CPUs' copies as a little-endian integer. */
  readonly value: string;
}

export interface TraceExpectation {
  /** A regular expression (source) a trace_pipe message must match. */
  readonly pattern: string;
  /** At least this many messages match (default 1). */
  readonly min?: number;
  /** What the learner is told when it fails. */
  readonly label: string;
}

/** A lesson step's check, run on a fresh copy of the learner's object (the page's state is left alone). */
export type CheckSpec =
  | {
      readonly kind: 'packets';
      readonly packets: readonly { readonly label: string; readonly bytes: Uint8Array; readonly verdict: string }[];
      readonly seeds: readonly MapEdit[];
      readonly trace: readonly TraceExpectation[];
      readonly maps: readonly MapExpectation[];
    }
  | {
      readonly kind: 'attach';
      readonly workload: WorkloadSpec;
      readonly attachments: readonly string[];
      readonly trace: readonly TraceExpectation[];
      /** Maps that must have at least one non-zero entry afterwards. */
      readonly nonEmptyMaps: readonly string[];
    };

export interface CheckRequest {
  readonly object: Uint8Array;
  readonly program: string | null;
  readonly privileged: boolean;
  readonly check: CheckSpec;
}

export interface CheckItem {
  readonly label: string;
  readonly ok: boolean;
  /** What happened, in words: "got XDP_PASS, expected XDP_DROP". */
  readonly detail: string;
}

export interface CheckOutcome {
  readonly passed: boolean;
  readonly items: readonly CheckItem[];
}

/** Which pipeline stages this build of the runtime has; the UI says plainly what is missing. */
export interface RuntimeCapabilities {
  readonly stages: Readonly<Record<Exclude<PipelineStage, 'compiler'>, { available: boolean; reason: string }>>;
}

export type RuntimeMethods = {
  capabilities: { request: null; response: RuntimeCapabilities };
  load: { request: LoadRequest; response: Stage<LoadedObject> };
  verify: { request: null; response: Stage<VerifierReport> };
  run: { request: RunRequest; response: Stage<RunReport> };
  /** Starts (or restarts) a stepped run of the first packet and returns state 0. */
  stepStart: { request: RunRequest; response: Stage<StepState> };
  /** Moves to a recorded step (back or forward) or runs to the next breakpoint. */
  stepTo: {
    request: { readonly step: number } | { readonly untilBreakpoint: readonly number[] };
    response: Stage<StepState>;
  };
  /** The maps as they are now (after runs, steps and edits). */
  maps: { request: null; response: Stage<readonly MapSnapshot[]> };
  /** Update or delete one entry from user space; answers the maps afterwards. */
  editMap: { request: MapEdit; response: Stage<readonly MapSnapshot[]> };
  reset: { request: null; response: null };
  /** Plays a workload against the loaded object's programs; firings stream as ATTACH_BATCH_EVENT. */
  attach: { request: AttachRequest; response: Stage<AttachSummary> };
  /** A lesson check on its own copy of an object. */
  check: { request: CheckRequest; response: Stage<CheckOutcome> };
  /** A traffic run over the loaded program's live session; progress streams as TRAFFIC_PROGRESS_EVENT. */
  traffic: { request: TrafficRequest; response: Stage<TrafficSummary> };
  /** Stops traffic run `runId` between two packets; false when it is not running. */
  trafficCancel: { request: { readonly runId: number }; response: boolean };
};
