/**
 * Where the runtime plugs into the pure core (src/bpf). Each stage is an adapter from the core's
 * own types to the protocol's result types; a stage whose core module has not landed yet is null
 * with the reason the UI shows.
 *
 * Loader: src/bpf/object loadObject. Disassembly: src/bpf/isa + src/bpf/asm formatInsn with
 * lineAt. Verifier: src/bpf/verifier verify (adapter in verifier-env.ts). Runs, maps and stepping:
 * src/bpf/session (one session per program, so maps keep their state from run to run as they do
 * while a program stays loaded); stepping drives the session's own VM with src/bpf/vm step().
 */
import { formatInsn } from '../bpf/asm';
import { decodeProgram, type DecodedInsn, branchTarget } from '../bpf/isa';
import { helperName, formatTraceLine } from '../bpf/helpers';
import { fromHex, toHex, writeEntry, deleteEntry } from '../bpf/maps';
import { type BpfObject, type BpfProgram, loadObject } from '../bpf/object';
import {
  createSession,
  describeRetval,
  drainRecords,
  formatRecord,
  recordTypes,
  type Session as BpfSession,
} from '../bpf/session';
import { verify } from '../bpf/verifier';
import { fastRunner } from '../bpf/jit';
import { runToExit, type Vm, type RunOutcome } from '../bpf/vm';
import type {
  AttachBatch,
  AttachRequest,
  AttachSummary,
  CheckOutcome,
  CheckRequest,
  DisasmLine,
  MapEdit,
  MapInfo,
  MapSnapshot,
  OutputEvent,
  PacketRun,
  PipelineStage,
  ProgramInfo,
  ProgramKind,
  RunEngine,
  RunReport,
  TraceLine,
  VerifierReport,
} from '../protocol';
import { playAttached } from './attach';
import { runCheck } from './check';
import { runVerifier, snapshotMaps } from './maps-view';
import type { LivePackets } from './traffic';
import { recordRun, type Recording } from './recording';
import { toVerifierReport, verifierEnv, verifierProgType } from './verifier-env';

export interface LoaderAdapter<H> {
  /** Parses a BPF ELF object: programs, maps, and an opaque handle for later stages. */
  load(object: Uint8Array, name: string): { programs: ProgramInfo[]; maps: MapInfo[]; handle: H };
}

export interface RuntimeCore<H = unknown> {
  readonly loader: LoaderAdapter<H> | null;
  /** llvm-objdump-style listing with BTF line info (src/bpf/asm + src/bpf/object). */
  readonly disassemble: ((handle: H, program: string) => DisasmLine[]) | null;
  /** The verifier, privileged or not. */
  readonly verify: ((handle: H, program: string, privileged: boolean) => VerifierReport) | null;
  /** BPF_PROG_TEST_RUN semantics, packets in order, maps carrying state from run to run. */
  readonly run:
    | ((handle: H, program: string, privileged: boolean, packets: readonly Uint8Array[], seed: number) => RunReport)
    | null;
  /**
   * One run of one packet recorded state by state (for stepping back and forth), at most `limit`
   * states; the last state has retval set when the program exited.
   */
  readonly record:
    | ((handle: H, program: string, privileged: boolean, packet: Uint8Array, seed: number, limit: number) => Recording)
    | null;
  /** The maps as user space sees them now. */
  readonly maps: ((handle: H, program: string, privileged: boolean) => MapSnapshot[]) | null;
  /** BPF_MAP_UPDATE_ELEM / BPF_MAP_DELETE_ELEM from user space; throws with the errno message. */
  readonly editMap: ((handle: H, program: string, privileged: boolean, edit: MapEdit) => MapSnapshot[]) | null;
  /** Attach run: the object's programs on the simulated kernel playing a workload, firings streamed. */
  readonly attach:
    | ((handle: H, privileged: boolean, req: AttachRequest, onBatch: (batch: AttachBatch) => void) => AttachSummary)
    | null;
  /** A lesson check on a fresh load of an object (the handle's state is not touched). */
  readonly check: ((req: CheckRequest) => CheckOutcome) | null;
  /** The program's live packet session, for traffic runs (src/runtime/traffic.ts). */
  readonly live?: ((handle: H, program: string, privileged: boolean) => Omit<LivePackets, 'isCurrent'>) | null;
}

export const MISSING_REASONS: Readonly<Record<Exclude<PipelineStage, 'compiler'>, string>> = {
  loader: 'The BPF object loader (ELF, BTF, relocations) has not landed yet.',
  disassembler: 'The disassembler has not landed yet.',
  verifier: 'The verifier has not landed yet.',
  vm: 'The interpreter and program runner have not landed yet.',
};

/** Simulated CPUs: per-CPU maps keep this many copies. */
export const CPUS = 4;

/** The handle: the parsed object and, per program and privilege, the live session with its maps. */
export interface LoadedCore {
  readonly object: BpfObject;
  readonly sessions: Map<string, BpfSession>;
  readonly verified: Map<string, VerifierReport>;
}

const KIND_OF: Readonly<Record<string, ProgramKind>> = {
  xdp: 'xdp',
  sched_cls: 'tc',
  sched_act: 'tc',
  socket_filter: 'socket',
  cgroup_skb: 'cgroup_skb',
  kprobe: 'kprobe',
  tracepoint: 'tracepoint',
};

function programOf(h: LoadedCore, name: string): BpfProgram {
  const p = h.object.programs.find((x) => x.name === name) ?? h.object.programs.find((x) => x.sectionName === name);
  if (p === undefined) throw new Error(`no program "${name}" in the object`);
  return p;
}

// --- disassembly ------------------------------------------------------------------------------

const hexBytes = (code: Uint8Array, pc: number, slots: number): string =>
  toHex(code.subarray(pc * 8, (pc + slots) * 8));

export function disassembleProgram(object: BpfObject, program: BpfProgram): DisasmLine[] {
  const insns = decodeProgram(program.code);
  const starts = new Map(program.functions.map((f) => [f.start, f.name]));
  const refs = new Map(program.mapReferences.map((r) => [r.insn, r]));
  const symbolize = (slot: number): string | null => {
    const fn = starts.get(slot);
    if (fn !== undefined) return fn;
    let best: { name: string; start: number } | null = null;
    for (const f of program.functions) if (f.start <= slot && (best === null || f.start > best.start)) best = f;
    return best === null ? null : `${best.name}+0x${((slot - best.start) * 8).toString(16)}`;
  };
  return insns.map((i: DecodedInsn) => {
    const slots = i.spec.shape === 'lddw' ? 2 : 1;
    const ref = refs.get(i.pc);
    const map = ref === undefined ? undefined : object.maps[ref.mapIndex];
    let relocation: string | null = null;
    if (map !== undefined && ref !== undefined) {
      relocation = ref.kind === 'map' ? `map ${map.name}` : `${map.name}+${ref.offset}`;
    } else if (i.spec.shape === 'call') {
      relocation = helperName(i.imm);
    }
    const at = program.lineAt[i.pc] ?? null;
    const target = branchTarget(i);
    return {
      pc: i.pc,
      bytes: hexBytes(program.code, i.pc, slots),
      // As llvm-objdump shows the object: the map's address is a relocation, the immediate its offset.
      text: formatInsn(ref === undefined ? i : { ...i, src: 0, imm: ref.offset, immHi: 0 }, { symbolize }),
      target: target !== null && target >= 0 && target < program.insnCount ? target : null,
      relocation,
      source: at === null ? null : { line: at.line, text: at.source },
      ...(starts.has(i.pc) ? { label: starts.get(i.pc)! } : {}),
    };
  });
}

// --- maps -------------------------------------------------------------------------------------

// --- runs -------------------------------------------------------------------------------------

/** trace_pipe timestamps: seconds since this worker started, as the kernel's clock would advance. */
const t0 = typeof performance === 'undefined' ? Date.now() : performance.now();
const nowNs = (): bigint =>
  BigInt(Math.round(((typeof performance === 'undefined' ? Date.now() : performance.now()) - t0) * 1e6)) +
  1_000_000_000n;

function traceLines(messages: readonly string[], run: number): TraceLine[] {
  return messages.map((message) => ({
    text: formatTraceLine({ task: 'bpftool', pid: 1000, cpu: 0, timestampNs: nowNs() }, message).replace(/\n$/, ''),
    message: message.replace(/\n$/, ''),
    run,
  }));
}

function sessionFor(h: LoadedCore, program: string, privileged: boolean, seed: number): BpfSession {
  const p = programOf(h, program);
  const key = `${p.name}/${privileged ? 'priv' : 'unpriv'}`;
  let s = h.sessions.get(key);
  if (s === undefined) {
    s = createSession(h.object, {
      programName: p.name,
      cpus: CPUS,
      privileged,
      seed,
      // Runs obey the real verifier: a rejected program never runs.
      verify: runVerifier,
    });
    h.sessions.set(key, s);
  }
  return s;
}

/** Ring buffer and perf event records of the run just made, read as user space polls them. */
function drainEvents(object: BpfObject, session: BpfSession, run: number): OutputEvent[] {
  return drainRecords(object, session.maps, recordTypes(object), 0).map((r) => ({
    map: r.map,
    cpu: r.cpu,
    data: r.data,
    text: formatRecord(r),
    run,
  }));
}

function packetRun(
  session: BpfSession,
  packet: Uint8Array,
  index: number,
  result: ReturnType<BpfSession['run']>,
  instructions: number,
  events: readonly OutputEvent[],
): PacketRun {
  if ('error' in result) {
    return {
      retval: 0n,
      verdict: '',
      packetIn: packet,
      packetOut: packet,
      trace: [],
      events,
      instructions,
      error: result.error,
    };
  }
  return {
    retval: BigInt(result.retval),
    verdict: describeRetval(session.type, result.retval),
    packetIn: packet,
    packetOut: fromHex(result.packet),
    trace: traceLines(result.trace, index),
    events,
    instructions,
    error: null,
  };
}

/**
 * The session's own engine with the instruction count kept for the report: the JIT (as the CLI runs)
 * unless the session fell back to the interpreter. The JIT machine is the session's (cached per VM).
 */
const counting =
  (engine: RunEngine, out: { steps: number }) =>
  (vm: Vm): RunOutcome => {
    const r = engine.engine === 'jit' ? fastRunner(vm, 'jit').run() : runToExit(vm);
    out.steps = r.steps;
    return r;
  };

const engineOf = (session: BpfSession): RunEngine => ({
  engine: session.engine.engine,
  fallback: session.engine.reason,
});

/** A stepped run: the session's VM driven one instruction at a time by the interpreter. */
function record(
  h: LoadedCore,
  program: string,
  privileged: boolean,
  packet: Uint8Array,
  seed: number,
  limit: number,
): Recording {
  const session = sessionFor(h, program, privileged, seed);
  return recordRun(session, packet, limit, {
    packetRun: (result, instructions) =>
      packetRun(session, packet, 0, result, instructions, drainEvents(h.object, session, 0)),
    traceLine: (message) => traceLines([message], 0)[0]!,
    snapshot: () => snapshotMaps(h.object, session.maps),
    fingerprint: () =>
      session.maps.map(({ map }) => map.entries().map((e) => `${toHex(e.key)}=${toHex(e.value)}`)).join('|'),
  });
}

// --- the core ---------------------------------------------------------------------------------

export const CORE: RuntimeCore<LoadedCore> = {
  loader: {
    load(bytes, name) {
      const object = loadObject(bytes, { name });
      const programs: ProgramInfo[] = object.programs.map((p) => ({
        name: p.name,
        section: p.sectionName,
        kind: KIND_OF[p.kind.progType] ?? null,
        insnCount: p.insnCount,
      }));
      const maps: MapInfo[] = object.maps.map((m) => ({
        name: m.name,
        type: m.typeName,
        keySize: m.keySize,
        valueSize: m.valueSize,
        maxEntries: m.maxEntries,
        cpus: m.typeName.includes('percpu') ? CPUS : 1,
      }));
      return { programs, maps, handle: { object, sessions: new Map(), verified: new Map() } };
    },
  },
  disassemble: (h, program) => disassembleProgram(h.object, programOf(h, program)),
  verify(h, program, privileged) {
    const p = programOf(h, program);
    const type = verifierProgType(p);
    if (type === null) {
      throw new Error(
        `The verifier does not check programs of type '${p.kind.progType}' (section "${p.sectionName}") yet.`,
      );
    }
    const lines = disassembleProgram(h.object, p);
    const text = new Map(lines.map((l) => [l.pc, l.text]));
    const result = verify(p.code, verifierEnv(h.object, p, type), { privileged, collectStates: 'failing' });
    return toVerifierReport(result, p, (pc) => text.get(pc) ?? '');
  },
  run(h, program, privileged, packets, seed) {
    const session = sessionFor(h, program, privileged, seed);
    const engine = engineOf(session);
    const runs = packets.map((packet, i) => {
      const count = { steps: 0 };
      const result = session.run(packet, counting(engine, count));
      return packetRun(session, packet, i, result, count.steps, drainEvents(h.object, session, i));
    });
    return { runs, maps: snapshotMaps(h.object, session.maps), engine };
  },
  record,
  maps: (h, program, privileged) => snapshotMaps(h.object, sessionFor(h, program, privileged, 1).maps),
  editMap(h, program, privileged, edit) {
    const session = sessionFor(h, program, privileged, 1);
    const found = session.maps.find((m) => m.name === edit.map);
    if (found === undefined) throw new Error(`no map "${edit.map}"`);
    const flags = edit.op === 'delete' ? 0n : BigInt(edit.flags ?? 0);
    const result =
      edit.op === 'delete'
        ? deleteEntry(found.map, edit.key)
        : writeEntry(found.map, edit.key, edit.value ?? '', flags);
    if (!result.ok) throw new Error(result.message);
    return snapshotMaps(h.object, session.maps);
  },
  attach: (h, privileged, req, onBatch) => playAttached(h.object, privileged, req, onBatch),
  check: (req) => runCheck(req, CORE),
  live(h, program, privileged) {
    const session = sessionFor(h, program, privileged, 1);
    return { session, snapshot: () => snapshotMaps(h.object, session.maps) };
  },
};
