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
import { createSession, describeRetval, type Session as BpfSession } from '../bpf/session';
import { verify } from '../bpf/verifier';
import { runToExit, step as vmStep, STACK_SIZE, type Vm, VmFault, type RunOutcome } from '../bpf/vm';
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
  PacketRun,
  PipelineStage,
  ProgramInfo,
  ProgramKind,
  RegisterValue,
  RunReport,
  StepState,
  TraceLine,
  VerifierReport,
} from '../protocol';
import { playAttached } from './attach';
import { runCheck } from './check';
import { runVerifier, snapshotMaps } from './maps-view';
import { toVerifierReport, verifierEnv, verifierProgType } from './verifier-env';

export interface LoaderAdapter<H> {
  /** Parses a BPF ELF object: programs, maps, and an opaque handle for later stages. */
  load(object: Uint8Array, name: string): { programs: ProgramInfo[]; maps: MapInfo[]; handle: H };
}

/** A recorded stepped run: the states, and the run's outcome as a normal run reports it. */
export interface Recording {
  readonly states: StepState[];
  readonly run: PacketRun;
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

function functionAt(program: BpfProgram, pc: number): string {
  let name = program.name;
  for (const f of program.functions) if (f.start <= pc) name = f.name;
  return name;
}

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

function packetRun(
  session: BpfSession,
  packet: Uint8Array,
  index: number,
  result: ReturnType<BpfSession['run']>,
  instructions: number,
): PacketRun {
  if ('error' in result) {
    return {
      retval: 0n,
      verdict: '',
      packetIn: packet,
      packetOut: packet,
      trace: [],
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
    instructions,
    error: null,
  };
}

/** The session's runToExit, with the instruction count kept for the report. */
const counting =
  (out: { steps: number }) =>
  (vm: Vm): RunOutcome => {
    const r = runToExit(vm);
    out.steps = r.steps;
    return r;
  };

// --- stepping ---------------------------------------------------------------------------------

function pointerOf(vm: Vm, value: bigint): RegisterValue['pointer'] {
  const id = vm.mem.idOfHigh(Number(BigInt.asIntN(32, value >> 32n)));
  if (id === null) return null;
  const info = vm.mem.infos[id];
  if (info === null || info === undefined) return null;
  const offset = Number(BigInt.asIntN(64, value - info.base));
  if (info.kind === 'stack') {
    const frame = vm.stackIds.indexOf(id);
    return { region: frame <= 0 ? 'fp' : `fp[frame ${frame}]`, offset: offset - STACK_SIZE };
  }
  return { region: info.name, offset };
}

function stateOf(
  vm: Vm,
  program: BpfProgram,
  index: number,
  changed: readonly number[],
  stack: Uint8Array,
  retval: bigint | null,
): StepState {
  const frames: { function: string; returnPc: number | null }[] = [];
  // Frame d saved, in word 10 of its 11 FRAME_WORDS, the pc it resumes at when frame d + 1 returns.
  const resume = (d: number): number => vm.frames[d * 11 + 10] ?? 0;
  for (let d = 0; d <= vm.depth; d++) {
    const pcIn = d === vm.depth ? vm.pc : resume(d) - 1;
    frames.push({ function: functionAt(program, pcIn), returnPc: d === 0 ? null : resume(d - 1) });
  }
  const registers = Array.from({ length: 11 }, (_, n) => {
    const value = vm.reg(n);
    return { value, pointer: pointerOf(vm, value) };
  });
  return {
    step: index,
    totalSteps: null,
    pc: vm.pc,
    registers,
    changed,
    stack,
    frames,
    sourceLine: program.lineAt[vm.pc]?.line ?? null,
    retval,
    trace: [],
  };
}

function recordRun(
  h: LoadedCore,
  program: string,
  privileged: boolean,
  packet: Uint8Array,
  seed: number,
  limit: number,
): Recording {
  const session = sessionFor(h, program, privileged, seed);
  const p = session.program;
  const states: StepState[] = [];
  let truncated = false;
  const drive = (vm: Vm): RunOutcome => {
    let changed: readonly number[] = [];
    let stack = vm.mem.bytes[vm.stackIds[vm.depth]!]!.slice();
    let lastPc = vm.pc;
    try {
      while (vm.status !== 'exited') {
        if (states.length >= limit) {
          // Past what stepping keeps: finish the run at full speed.
          truncated = true;
          return runToExit(vm);
        }
        states.push(stateOf(vm, p, states.length, changed, stack, null));
        lastPc = vm.pc;
        const s = vmStep(vm);
        changed = s.changedRegs;
        if (s.stackChanges.length > 0 || s.depthAfter !== s.depthBefore) {
          stack = vm.mem.bytes[vm.stackIds[vm.depth]!]!.slice();
        }
      }
    } catch (e) {
      if (e instanceof VmFault) return { ok: false, fault: e, steps: vm.steps };
      throw e;
    }
    if (!truncated) {
      const last = stateOf(vm, p, states.length, changed, stack, vm.r0);
      states.push({ ...last, pc: lastPc, sourceLine: p.lineAt[lastPc]?.line ?? null });
    }
    return { ok: true, r0: vm.r0, steps: vm.steps };
  };
  const result = session.run(packet, drive);
  const run = packetRun(session, packet, 0, result, Math.max(0, states.length - 1));
  const total = states.length;
  const out = states.map((s) => ({ ...s, totalSteps: truncated ? null : total - 1 }));
  const last = out[out.length - 1];
  if (last !== undefined && last.retval !== null) out[out.length - 1] = { ...last, trace: run.trace };
  return { states: out, run };
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
    const runs = packets.map((packet, i) => {
      const count = { steps: 0 };
      const result = session.run(packet, counting(count));
      return packetRun(session, packet, i, result, count.steps);
    });
    return { runs, maps: snapshotMaps(h.object, session.maps) };
  },
  record: recordRun,
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
};
