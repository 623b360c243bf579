/**
 * A stepped run recorded state by state, so the page can step back and forth without re-running.
 * Each state carries every call frame (r6–r10 and the stack of each), the trace_pipe lines printed
 * so far and the maps as they are at that point: a bpf_printk's line and a map update show up at
 * the step that made them, not only when the run ends.
 */
import type { BpfProgram } from '../bpf/object';
import type { Session as BpfSession } from '../bpf/session';
import { runToExit, step as vmStep, STACK_SIZE, type Vm, VmFault, type RunOutcome } from '../bpf/vm';
import { FRAME_WORDS } from '../bpf/vm/machine';
import type { MapSnapshot, PacketRun, RegisterValue, StepFrame, StepState, TraceLine } from '../protocol';
import { MapWatch } from './map-watch';

export interface Recording {
  readonly states: StepState[];
  readonly run: PacketRun;
}

/** What recording needs from the core: the run report of one packet and trace line formatting. */
export interface RecordingDeps {
  readonly packetRun: (result: ReturnType<BpfSession['run']>, instructions: number) => PacketRun;
  readonly traceLine: (message: string) => TraceLine;
  readonly snapshot: () => MapSnapshot[];
  readonly fingerprint: () => string;
}

function functionAt(program: BpfProgram, pc: number): string {
  let name = program.name;
  for (const f of program.functions) if (f.start <= pc) name = f.name;
  return name;
}

export function pointerOf(vm: Vm, value: bigint): RegisterValue['pointer'] {
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

const valueOf = (vm: Vm, value: bigint): RegisterValue => ({ value, pointer: pointerOf(vm, value) });

/** A register saved in the frame array as a (low, high) int32 pair. */
const savedReg = (vm: Vm, word: number): bigint =>
  (BigInt(vm.frames[word + 1] ?? 0) << 32n) | BigInt((vm.frames[word] ?? 0) >>> 0);

/** The call frames, outermost first. Frame d < depth saved its r6–r10 and resume pc when it called. */
function framesOf(vm: Vm, program: BpfProgram, stacks: readonly Uint8Array[]): StepFrame[] {
  const frames: StepFrame[] = [];
  const resume = (d: number): number => vm.frames[d * FRAME_WORDS + 10] ?? 0;
  for (let d = 0; d <= vm.depth; d++) {
    const top = d === vm.depth;
    const pc = top ? vm.pc : resume(d) - 1;
    const registers = Array.from({ length: 5 }, (_, n) =>
      valueOf(vm, top ? vm.reg(6 + n) : savedReg(vm, d * FRAME_WORDS + 2 * n)),
    );
    frames.push({
      function: functionAt(program, pc),
      pc,
      returnPc: d === 0 ? null : resume(d - 1),
      registers,
      stack: stacks[d]!,
    });
  }
  return frames;
}

/** Records one packet's run through the session's own VM (the interpreter), at most `limit` states. */
export function recordRun(session: BpfSession, packet: Uint8Array, limit: number, deps: RecordingDeps): Recording {
  const p = session.program;
  const states: StepState[] = [];
  const printed: TraceLine[] = [];
  let trace: readonly TraceLine[] = [];
  const watch = new MapWatch(deps.fingerprint, deps.snapshot);
  let truncated = false;

  const stateOf = (vm: Vm, changed: readonly number[], stacks: readonly Uint8Array[], retval: bigint | null) => {
    if (printed.length !== trace.length) trace = printed.slice();
    const frames = framesOf(vm, p, stacks);
    const state: StepState = {
      step: states.length,
      totalSteps: null,
      pc: vm.pc,
      registers: Array.from({ length: 11 }, (_, n) => valueOf(vm, vm.reg(n))),
      changed,
      stack: frames[frames.length - 1]!.stack,
      frames,
      sourceLine: p.lineAt[vm.pc]?.line ?? null,
      retval,
      trace,
      maps: watch.current,
    };
    return state;
  };

  const drive = (vm: Vm): RunOutcome => {
    // bpf_printk's lines are caught as the helper prints them (and passed on to the session's own sink).
    const env = vm.env;
    const sessionTrace = env.trace;
    env.trace = (message) => {
      sessionTrace.call(env, message);
      printed.push(deps.traceLine(message));
    };
    const stackOf = (d: number) => vm.mem.bytes[vm.stackIds[d]!]!.slice();
    let stacks: Uint8Array[] = [stackOf(0)];
    let changed: readonly number[] = [];
    let lastPc = vm.pc;
    watch.start();
    try {
      while (vm.status !== 'exited') {
        if (states.length >= limit) {
          // Past what stepping keeps: finish the run at full speed.
          truncated = true;
          return runToExit(vm);
        }
        states.push(stateOf(vm, changed, stacks, null));
        lastPc = vm.pc;
        const s = vmStep(vm);
        changed = s.changedRegs;
        if (s.depthAfter !== s.depthBefore) {
          stacks = Array.from({ length: vm.depth + 1 }, (_, d) => stacks[d] ?? stackOf(d));
        }
        const touched = new Set(s.stackChanges.map((c) => c.frame));
        if (touched.size > 0) stacks = stacks.map((old, d) => (touched.has(d) ? stackOf(d) : old));
        watch.afterStep(vm, s);
      }
    } catch (e) {
      if (e instanceof VmFault) return { ok: false, fault: e, steps: vm.steps };
      throw e;
    } finally {
      env.trace = sessionTrace;
    }
    if (!truncated) {
      const last = stateOf(vm, changed, stacks, vm.r0);
      states.push({ ...last, pc: lastPc, sourceLine: p.lineAt[lastPc]?.line ?? null });
    }
    return { ok: true, r0: vm.r0, steps: vm.steps };
  };

  const result = session.run(packet, drive);
  const run = deps.packetRun(result, Math.max(0, states.length - 1));
  const total = states.length;
  return { states: states.map((s) => ({ ...s, totalSteps: truncated ? null : total - 1 })), run };
}
