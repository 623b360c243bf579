/**
 * Attach runs: the programs of one object attached to kprobes, kretprobes, tracepoints, raw
 * tracepoints or XDP, driven by the simulated kernel playing a workload.
 *
 * Everything lives in ONE address space: the maps, every program's stacks, and the simulated
 * kernel's memory. That is what makes a kernel pointer seen by one firing mean the same object in
 * the next (disksnoop keys a hash by `struct request *` between blk_mq_start_request and
 * blk_account_io_done), and what lets probe reads reach kernel and user memory at all. Maps and
 * trace output carry across firings; each firing maps its context, runs, and unmaps it again
 * before the kernel moves on (memory is live, so the run must happen while the firing is current).
 */
import { type HelperEnv, newHelperState, type SubprogCaller } from '../helpers';
import { type Attachment, type Firing, Simulation, type Workload } from '../kernel';
import { dumpMap, MapMemory, PerfEventArrayMap } from '../maps';
import type { BpfObject, BpfProgram } from '../object';
import { setupXdp } from '../programs';
import { AddressSpace, prepareProgram, runToExit, Vm } from '../vm';
import { type AttachedRun, type AttachReport, type AttachRunResult } from './attach-report';
import { drainRecords, recordTypes } from './attach-records';
import { checkFits, findProgram, type ProgramAttachment } from './attach-plan';
import { loadTimeChecks, reject } from './load-checks';
import { createObjectMaps } from './object-maps';
import { attachPacket } from './packet';
import type { MapReport, VerifierReport } from './report';
import { firstValueAddress, KEY0, lddwResolver } from './resolve';
import type { SessionMap } from './session';
import { subprogCaller } from './subprog';
import { helperLookup } from './helper-lookup';

export interface AttachSessionOptions {
  /** Simulated CPUs (per-CPU maps keep this many copies). */
  readonly cpus: number;
  readonly privileged: boolean;
  /** Seed of bpf_get_prandom_u32. */
  readonly seed: number;
  /** The verifier, once available (see SessionOptions.verify); load-time checks stand in otherwise. */
  readonly verify?: (program: BpfProgram, object: BpfObject, privileged: boolean) => VerifierReport;
  /** Instructions one firing may execute. */
  readonly budget?: number;
  /** Stop after this many kernel events (the simulation's guard against huge workloads). */
  readonly maxEvents?: number;
  /** Stop after this much simulated time from the workload's start. */
  readonly untilNs?: bigint;
}

export interface AttachSession {
  readonly verifier: VerifierReport;
  readonly maps: readonly SessionMap[];
  readonly plan: readonly ProgramAttachment[];
  /** Plays the workload; yields each firing's run as soon as its program has run. */
  play(workload: Workload | string): Generator<AttachedRun, void, void>;
  dumpMaps(): Record<string, MapReport>;
}

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The environment of the firing being run: its time is the helpers' clock, its task the current task. */
function firingEnv(mem: AddressSpace, seed: number, current: () => Firing, sink: () => string[]): HelperEnv {
  let state = seed >>> 0 || 0x2545f491;
  const ext: Record<string, unknown> = {};
  return {
    mem,
    trace: (message) => sink().push(message),
    // bpf_ktime_get_ns during a firing is the event's time: latencies between firings are exact.
    nowNs: () => current().time,
    random32: () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>>= 0);
    },
    get cpu() {
      return current().cpu;
    },
    ext,
  };
}

interface Loaded {
  readonly program: BpfProgram;
  readonly vm: Vm | null;
}

export function createAttachSession(
  object: BpfObject,
  requested: readonly ProgramAttachment[],
  options: AttachSessionOptions,
): AttachSession {
  // Programs may be named by function or by SEC() name; from here on, by function.
  const plan = requested.map((p) => ({ ...p, program: findProgram(object, p.program).name }));
  const mem = new AddressSpace();
  const maps = createObjectMaps(object.maps, options.cpus);
  const mapMemory = new MapMemory(mem);
  const resolved = maps.map((m) => {
    const bound = mapMemory.bind(m);
    return { address: bound.address, valueOf0: firstValueAddress(bound.valueBase, m.lookup(KEY0, 0)) };
  });

  let current: Firing | null = null;
  let trace: string[] = [];
  const env = firingEnv(
    mem,
    options.seed,
    () => current!,
    () => trace,
  );
  env.ext.maps = mapMemory;

  // Each attached program is checked and prepared once; the first rejection is the report's verifier.
  let verifier: VerifierReport | null = null;
  const loaded = new Map<string, Loaded>();
  // Callbacks (bpf_loop) run in a nested VM of the same program; programs share one env, so the
  // caller is switched per firing.
  const subprogs = new Map<string, SubprogCaller>();
  for (const { attachment, program: name } of plan) {
    const program = findProgram(object, name);
    checkFits(program, attachment);
    if (loaded.has(program.name)) continue;
    let report = loadTimeChecks(program, true);
    let vm: Vm | null = null;
    if (report.accepted) {
      try {
        const prepared = prepareProgram(program.code, lddwResolver(resolved));
        const vmOptions = { mem, helpers: helperLookup, env: () => env, ...(options.budget ? { budget: options.budget } : {}) }; // prettier-ignore
        vm = new Vm(prepared, vmOptions);
        loaded.set(program.name, { program, vm });
        subprogs.set(program.name, subprogCaller(prepared, vmOptions));
      } catch (e) {
        report = reject(0, e instanceof Error ? e.message : String(e));
      }
    }
    if (report.accepted && options.verify) report = options.verify(program, object, options.privileged);
    if (!report.accepted) {
      verifier ??= { ...report, log: `${program.name}: ${report.log}` };
      loaded.set(program.name, { program, vm: null });
    }
  }
  verifier ??= loadTimeChecks(findProgram(object, plan[0]?.program ?? object.programs[0]?.name ?? ''), true);

  const named = maps.map((map, i) => ({ name: object.maps[i]!.name, map }));
  const types = recordTypes(object);
  // The playground is the user-space reader: it opens a perf event per CPU, as BCC's
  // open_perf_buffer and libbpf's perf_buffer__new do (without one, output gets -ENOENT).
  for (const map of maps) if (map instanceof PerfEventArrayMap) map.openPerCpu();

  function runFiring(firing: Firing, target: Loaded): AttachRunResult {
    const context = `${firing.attachment.type}:${firing.attachment.target} ${firing.summary}`;
    const vm = target.vm!;
    trace = [];
    current = firing;
    env.ext.task = firing.task;
    env.ext.stack = firing.stack;
    env.ext.state = newHelperState();
    env.ext.subprog = subprogs.get(target.program.name);
    vm.reset(0);
    const firstRegion = mem.infos.length;
    try {
      let packetOut = (): string => '';
      if (firing.attachment.type === 'xdp' && firing.event.kind === 'packet') {
        const ctx = setupXdp(vm, firing.ctx, { ingressIfindex: firing.event.ifindex });
        env.ext.packet = attachPacket(vm, 'xdp', firing.ctx, ctx).ext;
        packetOut = () => toHex(ctx.packetOut());
      } else {
        // pt_regs, a tracepoint record or raw tracepoint args: read-only, as the verifier enforces.
        vm.setReg(1, mem.map('ctx', contextName(firing.attachment), firing.ctx.slice(), false));
      }
      const out = runToExit(vm);
      // Perf/ring buffer records appear in the report only where a firing produced some.
      const records = drainRecords(object, named, types, firing.cpu);
      const extra = records.length > 0 ? { records } : {};
      if (!out.ok) return { error: `EFAULT: the program faulted in the simulator: ${out.fault.message}`, context, ...extra }; // prettier-ignore
      // Tracing programs' return values are ignored by the kernel; report them as a u32 like test_run.
      return { retval: Number(BigInt.asUintN(32, out.r0)), packet: packetOut(), trace, context, ...extra };
    } finally {
      for (let id = firstRegion; id < mem.infos.length; id++) if (mem.infos[id]) mem.unmap(mem.infos[id]!.base);
      env.ext.packet = undefined;
      current = null;
    }
  }

  let played = false;
  function* play(workload: Workload | string): Generator<AttachedRun, void, void> {
    if (played) throw new Error('an attach session plays one workload (the kernel state moves forward)');
    played = true;
    if (!verifier!.accepted) return;
    const limits = {
      ...(options.maxEvents === undefined ? {} : { maxEvents: options.maxEvents }),
      ...(options.untilNs === undefined ? {} : { untilNs: options.untilNs }),
    };
    const simulation = new Simulation(workload, mem, limits);
    for (const firing of simulation.firings(plan.map((p) => p.attachment))) {
      const program = plan[firing.attachmentIndex]!.program;
      yield { run: runFiring(firing, loaded.get(program)!), firing, program };
    }
  }

  return {
    verifier,
    maps: named,
    plan,
    play,
    dumpMaps: () => Object.fromEntries(named.map(({ name, map }) => [name, dumpMap(map)])),
  };
}

function contextName(a: Attachment): string {
  if (a.type === 'tracepoint') return `trace_event_raw_${a.target.replace(/^.*:/, '')}`;
  if (a.type === 'raw_tracepoint') return 'bpf_raw_tracepoint_args';
  return 'pt_regs';
}

/** Plays `workload` against the attached programs and collects the `run --json` report. */
export function runAttached(
  object: BpfObject,
  plan: readonly ProgramAttachment[],
  workload: Workload | string,
  options: AttachSessionOptions,
): { report: AttachReport; played: AttachedRun[] } {
  const session = createAttachSession(object, plan, options);
  const played = [...session.play(workload)];
  return { report: { verifier: session.verifier, runs: played.map((p) => p.run), maps: session.dumpMaps() }, played };
}
