/**
 * A session: one program of a loaded object with its maps, ready to run packets the way
 * BPF_PROG_TEST_RUN does. Load creates the maps (as libbpf would), resolves the program's map
 * references, checks the program (verifier slot), prepares it and picks the engine once (the JIT,
 * compiled once, unless asked for the interpreter), and maps one packet slot and context that every
 * run resets (see PacketSlot); each run executes with the helper registry and collects retval,
 * packet and trace. Maps persist across runs and stay editable from "user space" (session.maps).
 */
import { type HelperEnv, type HelperState, newHelperState, type TailCallExt, type TaskInfo } from '../helpers';
import { BPF_MAP_TYPE, type BpfMap, dumpMap, FdArrayMap, type FdObject, MapMemory, u32le } from '../maps';
import type { BpfObject, BpfProgram } from '../object';
import { type Engine, type EngineInfo, fastRunner } from '../jit';
import { type PacketProgramType, packetTypeOfSection } from '../programs';
import { AddressSpace, type PreparedProgram, prepareProgram, type RunOutcome, Vm, type VmFault } from '../vm';
import { loadTimeChecks, reject } from './load-checks';
import { createObjectMaps } from './object-maps';
import { PacketSlot } from './packet';
import type { MapReport, RunFailure, RunResult, RunSuccess, VerifierReport } from './report';
import { firstValueAddress, KEY0, lddwResolver } from './resolve';
import { subprogCaller } from './subprog';
import { refusePacket } from './test-run-rules';
import { sessionVerifier } from './verifier-env';
import { verifyEveryProgram } from './verify-all';
import { helperLookup } from './helper-lookup';

export interface SessionOptions {
  /** Entry function name or SEC() name; default: the object's first program. */
  readonly programName?: string;
  /** Simulated CPUs (per-CPU maps keep this many copies; match the kernel's possible CPUs to compare). */
  readonly cpus: number;
  /** The CPU programs run on (bpf_get_smp_processor_id, per-CPU map slots). Default 0. */
  readonly cpu?: number;
  /** Passed to the verifier: unprivileged loads are checked more strictly. */
  readonly privileged: boolean;
  /** Seed of bpf_get_prandom_u32. */
  readonly seed: number;
  /**
   * The verifier: its report decides whether runs may happen. Default: src/bpf/verifier through
   * verifier-env.ts (after the load-time checks of load-checks.ts).
   */
  readonly verify?: (program: BpfProgram, object: BpfObject, privileged: boolean) => VerifierReport;
  /** Monotonic clock in ns for runRepeat's timing (the core has no timer of its own). */
  readonly clockNs?: () => number;
  /** Instructions one run may execute. */
  readonly budget?: number;
  /**
   * Engine for plain runs and repeats (default 'jit'); `drive`n runs always use the interpreter.
   * The JIT falls back to the interpreter for programs it cannot compile: see Session.engine.
   */
  readonly engine?: Engine;
}

export interface SessionMap {
  /** Name as in the source; global data maps are named by section (".bss"). */
  readonly name: string;
  readonly map: BpfMap;
}

export interface Session {
  readonly program: BpfProgram;
  readonly type: PacketProgramType | null;
  readonly verifier: VerifierReport;
  /** Which engine plain runs use, and why the interpreter when the JIT was asked for. */
  readonly engine: EngineInfo;
  readonly maps: readonly SessionMap[];
  /**
   * Runs one packet. `drive` replaces runToExit for this run (the UI steps it with vm's step() to
   * record a trace); it gets the VM with packet and context mapped and must run it to exit.
   */
  run(packet: Uint8Array, drive?: (vm: Vm) => RunOutcome): RunResult;
  /** Runs the packet n times (maps see every run); the last run's result plus duration_ns_avg. */
  runRepeat(packet: Uint8Array, n: number): RunResult;
  /**
   * One packet for a traffic run (src/bpf/traffic): the 32-bit return value or the failure, trace
   * lines appended to `trace`; no packet copy and no report, so a million runs stay cheap.
   */
  runRetval(packet: Uint8Array, trace: string[]): number | RunFailure;
  /** The simulated clock bpf_ktime_get_ns reads (traffic runs move it to each packet's arrival). */
  readonly clock: SimulatedClock;
  /** Every map's entries as `run --json` reports them. */
  dumpMaps(): Record<string, MapReport>;
  /**
   * User space stores a program of the object (by function name; null clears the slot) into a
   * prog_array, as bpf_map_update_elem with a program fd does. Returns 0 or -errno.
   */
  setProgArraySlot(mapName: string, index: number, programName: string | null): number;
}

export class SessionError extends Error {
  override name = 'SessionError';
}

function pickProgram(object: BpfObject, name: string | undefined): BpfProgram {
  if (object.programs.length === 0) throw new SessionError('the object has no programs');
  if (name === undefined) return object.programs[0]!;
  const found = object.programs.find((p) => p.name === name) ?? object.programs.find((p) => p.sectionName === name);
  if (found) return found;
  const known = object.programs.map((p) => `${p.name} (SEC "${p.sectionName}")`).join(', ');
  throw new SessionError(`no program or section named '${name}'; the object has ${known}`);
}

export interface SimulatedClock {
  /**
   * Now, in ns since boot; every bpf_ktime_get_ns read moves it on by 1 µs. A number (exact up to
   * 2^53 ns, about 104 days) so that a traffic run can move it every packet without allocating.
   */
  readonly ns: number;
  /** Moves the clock forward to `ns` (never back: time is monotonic for the program). */
  advanceTo(ns: number): void;
}

class SessionClock implements SimulatedClock {
  ns = 1_000_000_000;
  advanceTo(ns: number): void {
    if (ns > this.ns) this.ns = ns;
  }
}

/** A deterministic environment: simulated clock, seeded xorshift32, the chosen CPU. */
function makeEnv(
  mem: AddressSpace,
  options: SessionOptions,
  ext: Record<string, unknown>,
  sink: string[][],
  clock: SessionClock,
): HelperEnv {
  let seed = options.seed >>> 0 || 0x2545f491;
  return {
    mem,
    trace: (message) => sink[0]!.push(message),
    nowNs: () => BigInt((clock.ns += 1000)),
    random32: () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>>= 0);
    },
    cpu: options.cpu ?? 0,
    ext,
  };
}

/** Under BPF_PROG_TEST_RUN the current task is the process that asked for the run. */
const TEST_RUN_TASK: TaskInfo = { pid: 1000, tgid: 1000, uid: 0, gid: 0, comm: 'bpftool' };

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b]!;
  return out;
}

/** A program as a prog_array slot holds it: its id, name and prepared code. */
interface ProgramFd extends FdObject {
  readonly name: string;
  readonly prepared: PreparedProgram;
}

const TAIL_CALL_REASON = 'the object has a prog_array: tail calls run in the interpreter';

/**
 * When the object has a prog_array: prepares every program of the object (each with its own code,
 * the entry program's preparation reused) and fills the prog_arrays from their `.values`
 * initialisers as libbpf does after loading. Null when the object has no prog_array.
 */
function setUpTailCalls(
  object: BpfObject,
  entry: BpfProgram,
  entryPrepared: PreparedProgram,
  maps: readonly BpfMap[],
  resolve: ReturnType<typeof lddwResolver>,
): Map<string, ProgramFd> | null {
  if (!object.maps.some((m) => m.type === BPF_MAP_TYPE.PROG_ARRAY)) return null;
  const programs = new Map<string, ProgramFd>();
  object.programs.forEach((p, i) => {
    let code: PreparedProgram | null = null;
    try {
      code = p === entry ? entryPrepared : prepareProgram(p.code, resolve);
    } catch {
      code = null; // a program that cannot be prepared cannot be a tail-call target
    }
    if (code !== null) programs.set(p.name, { id: i + 1, name: p.name, prepared: code });
  });
  object.maps.forEach((def, i) => {
    for (const { slot, program } of def.initialPrograms) {
      const target = programs.get(program);
      if (target === undefined)
        throw new SessionError(`map '${def.name}': slot ${slot} names '${program}', which is not a loadable program`);
      const code = (maps[i] as FdArrayMap<ProgramFd>).set(u32le(slot), target);
      if (code !== 0) throw new SessionError(`map '${def.name}': cannot place '${program}' in slot ${slot} (${code})`);
    }
  });
  return programs;
}

export function createSession(object: BpfObject, options: SessionOptions): Session {
  const program = pickProgram(object, options.programName);
  const type = packetTypeOfSection(program.sectionName);
  const maps = createObjectMaps(object.maps, options.cpus);
  const mem = new AddressSpace();
  const mapMemory = new MapMemory(mem);
  const resolved = maps.map((m) => {
    const bound = mapMemory.bind(m);
    return { address: bound.address, valueOf0: firstValueAddress(bound.valueBase, m.lookup(KEY0, 0)) };
  });
  let verifier = loadTimeChecks(program, type !== null);
  let prepared: PreparedProgram | null = null;
  if (verifier.accepted) {
    try {
      prepared = prepareProgram(program.code, lddwResolver(resolved));
    } catch (e) {
      verifier = reject(0, e instanceof Error ? e.message : String(e));
    }
  }
  const tailCalls = prepared ? setUpTailCalls(object, program, prepared, maps, lddwResolver(resolved)) : null;
  if (verifier.accepted)
    verifier = verifyEveryProgram(object, program, options.verify ?? sessionVerifier, options.privileged);

  const sink: string[][] = [[]];
  const ext: Record<string, unknown> = { maps: mapMemory, task: TEST_RUN_TASK, state: newHelperState() };
  const simClock = new SessionClock();
  const env = makeEnv(mem, options, ext, sink, simClock);
  const vmOptions = {
    mem,
    helpers: helperLookup,
    env: () => env,
    ...(options.budget ? { budget: options.budget } : {}),
  };
  const vm = prepared ? new Vm(prepared, vmOptions) : null;
  if (vm && prepared) ext.subprog = subprogCaller(prepared, vmOptions);
  if (vm && tailCalls) {
    ext.tailCall = {
      get count() {
        return vm.tailCalls;
      },
      request: (target: FdObject) => {
        vm.tailCallTarget = (target as ProgramFd).prepared;
      },
    } satisfies TailCallExt;
  }
  // The engine is chosen (and the program compiled) once; the packet and context are mapped once.
  // A tail call switches programs mid-run, which only the interpreter does: say so.
  const runner = !vm
    ? null
    : tailCalls && (options.engine ?? 'jit') === 'jit'
      ? { ...fastRunner(vm, 'interpreter'), info: { engine: 'interpreter' as const, reason: TAIL_CALL_REASON } }
      : fastRunner(vm, options.engine ?? 'jit');
  const engine: EngineInfo = runner?.info ?? { engine: 'interpreter', reason: 'the program was not loaded' };
  const machine = runner?.machine ?? null;
  const slot = vm && type !== null ? new PacketSlot(vm, type, machine?.packetFrame(), machine) : null;
  const slotType: PacketProgramType = type ?? 'xdp';

  /** Why `packet` must not run, or null. */
  const refuse = (packet: Uint8Array): RunFailure | null => {
    if (!vm || !verifier.accepted) return { error: `EACCES: the program was not loaded: ${verifier.error?.message}` };
    if (slot === null) return { error: `EINVAL: section '${program.sectionName}' is not a packet program` };
    const refused = refusePacket(slotType, packet);
    return refused === null ? null : { error: refused };
  };
  /** Puts the VM, packet and context in place for one run of an accepted packet (trace lines go to `trace`). */
  const reset = (packet: Uint8Array, trace: string[], again = false): void => {
    sink[0] = trace;
    // Helper bookkeeping starts empty; a state nothing was recorded in is reused (once per packet).
    if ((ext.state as HelperState).heldLocks.size !== 0) ext.state = newHelperState();
    vm!.program = prepared!;
    runner!.reset(0);
    ext.packet = slot!.load(packet, again);
    vm!.setRegHalves(1, slot!.ctxLo, slot!.ctxHi);
  };
  /** Sets up one run; a failure when the run must not happen. */
  const begin = (packet: Uint8Array, trace: string[]): RunFailure | null => {
    const refused = refuse(packet);
    if (refused === null) reset(packet, trace);
    return refused;
  };
  const faulted = (fault: VmFault): RunFailure => ({
    error: `EFAULT: the program faulted in the simulator: ${fault.message}`,
  });
  // test_run reports the 32-bit return value (the program's int).
  const success = (retval: number, trace: string[]): RunSuccess => ({
    retval,
    packet: toHex(slot!.context.packetOut()),
    trace,
  });

  const run = (packet: Uint8Array, drive?: (vm: Vm) => RunOutcome): RunResult => {
    const trace: string[] = [];
    const refused = begin(packet, trace);
    if (refused !== null) return refused;
    try {
      if (drive) {
        const out = drive(vm!);
        return out.ok ? success(Number(BigInt.asUintN(32, out.r0)), trace) : faulted(out.fault);
      }
      const fault = runner!.exec();
      return fault === null ? success(vm!.regs[0]! >>> 0, trace) : faulted(fault);
    } finally {
      ext.packet = undefined;
    }
  };

  // The `run --repeat` loop: per packet only the slot reset and the run itself; the report is
  // built once, from the last run.
  const runRepeat = (packet: Uint8Array, n: number): RunResult => {
    if (!Number.isSafeInteger(n) || n < 1) throw new SessionError(`repeat count must be a positive integer, got ${n}`);
    const clock = options.clockNs ?? (() => Date.now() * 1e6);
    const trace: string[] = [];
    const start = clock();
    // The same packet every time: it is checked once.
    const refused = refuse(packet);
    if (refused !== null) return refused;
    for (let i = 0; i < n; i++) {
      reset(packet, trace, i > 0);
      let fault: VmFault | null;
      try {
        fault = runner!.exec();
      } finally {
        ext.packet = undefined;
      }
      if (fault !== null) return faulted(fault);
    }
    const elapsed = clock() - start;
    return { ...success(vm!.regs[0]! >>> 0, trace), duration_ns_avg: Math.round(elapsed / n) };
  };

  const runRetval = (packet: Uint8Array, trace: string[]): number | RunFailure => {
    const refused = begin(packet, trace);
    if (refused !== null) return refused;
    let fault: VmFault | null;
    try {
      fault = runner!.exec();
    } finally {
      ext.packet = undefined;
    }
    return fault === null ? vm!.regs[0]! >>> 0 : faulted(fault);
  };

  const named = maps.map((map, i) => ({ name: object.maps[i]!.name, map }));
  return {
    program,
    type,
    verifier,
    engine,
    maps: named,
    run,
    runRepeat,
    runRetval,
    clock: simClock,
    dumpMaps: () => Object.fromEntries(named.map(({ name, map }) => [name, dumpMap(map)])),
    setProgArraySlot: (mapName, index, programName) => {
      const found = named.find((m) => m.name === mapName);
      if (!found || found.map.spec.type !== BPF_MAP_TYPE.PROG_ARRAY)
        throw new SessionError(`no prog_array named '${mapName}'`);
      if (programName === null) return found.map.userDelete(u32le(index));
      const target = tailCalls?.get(programName);
      if (target === undefined) throw new SessionError(`no loadable program named '${programName}'`);
      return (found.map as FdArrayMap<ProgramFd>).set(u32le(index), target);
    },
  };
}
