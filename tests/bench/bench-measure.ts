/**
 * Measurements for `npm run bench`. Everything is a median over rounds, and rounds interleave the
 * engines and the kernel so a load spike on this shared machine hits all of them alike.
 */
import { readFileSync } from 'node:fs';
import { compileJit } from '../../src/bpf/jit';
import { loadObject, type BpfObject } from '../../src/bpf/object';
import { createSession, type Session } from '../../src/bpf/session';
import { verifierEnv, verifierProgType, verify } from '../../src/bpf/verifier';
import { prepareProgram, runToExit } from '../../src/bpf/vm';
import { LoadedProgram } from '../kernel/vm-kernel';
import { kernelLoad } from '../verifier/support/kernel';

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Our clock: this process's CPU time (user + system), not wall time. With the machine's load far
 * above its core count, wall time mostly measures how long we waited for a core; the kernel's
 * BPF_PROG_TEST_RUN duration likewise counts only time spent running the program.
 */
export const cpuNs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};

/** A session of `engine`, warmed up, with the number of repeats that makes one round ~`targetMs`. */
export function ourRunner(object: BpfObject, packet: Uint8Array, engine: 'jit' | 'interpreter', targetMs = 60) {
  const session: Session = createSession(object, { cpus: 2, privileged: true, seed: 1, engine, clockNs: cpuNs });
  const once = (n: number): number => {
    const r = session.runRepeat(packet, n);
    if ('error' in r) throw new Error(`${engine}: ${r.error}`);
    return r.duration_ns_avg!;
  };
  once(200);
  const repeat = Math.max(100, Math.min(500_000, Math.round((targetMs * 1e6) / Math.max(once(2000), 1))));
  once(repeat); // let V8 optimise (and tier up the wasm) at the measured size
  return { session, repeat, measure: () => once(repeat) };
}

/** Instructions the program executes on `packet` (the interpreter's step count). */
export function stepsPerRun(object: BpfObject, packet: Uint8Array): number {
  const session = createSession(object, { cpus: 2, privileged: true, seed: 1, engine: 'interpreter' });
  let steps = 0;
  session.run(packet, (vm) => {
    const out = runToExit(vm);
    steps = out.steps;
    return out;
  });
  return steps;
}

/** The kernel: the same object loaded with bpftool; BPF_PROG_TEST_RUN repeat N, sized to ~targetMs. */
export function kernelRunner(objPath: string, name: string, packet: Uint8Array, targetMs = 40) {
  const loaded = new LoadedProgram({ name, objPath, code: new Uint8Array(), type: 'xdp' });
  const probe = Math.max(loaded.run(packet, 10_000).durationNs, 1);
  const repeat = Math.max(1000, Math.min(5_000_000, Math.round((targetMs * 1e6) / probe)));
  return { repeat, measure: () => loaded.run(packet, repeat).durationNs, unload: () => loaded.unload() };
}

/** JIT compile latency of the object's first program: translate + WebAssembly compile, uncached. */
export function jitCompileMs(object: BpfObject, rounds = 5): number {
  const code = object.programs[0]!.code;
  return median(
    Array.from({ length: rounds }, () => {
      const prepared = prepareProgram(code, () => 0n); // map references do not change the code's shape
      const t0 = performance.now();
      const jit = compileJit(prepared);
      const ms = performance.now() - t0;
      if (!jit.ok) throw new Error(jit.reason);
      return ms;
    }),
  );
}

/** Our verifier's time on the object's first program (µs, median), or null for types it does not check. */
export function ourVerifierUs(object: BpfObject, rounds = 7): number | null {
  const program = object.programs[0]!;
  const type = verifierProgType(program);
  if (type === null) return null;
  const env = verifierEnv(object, program, type);
  // CPU time and no log, as the kernel's figure below (log level 4: statistics only).
  const once = (): number => {
    const t0 = cpuNs();
    const r = verify(program.code, env, { privileged: true, collectStates: 'none', logLevel: 0 });
    if (!r.accepted) throw new Error(`our verifier rejects ${program.name}: ${r.error?.message}`);
    return (cpuNs() - t0) / 1000;
  };
  // Steady state: V8 reaches its optimised code only after ~1,000 runs (a fresh page's first runs
  // take ~1 ms for these programs), so warm up for 1 s of CPU or 1,000 runs. Then each round
  // averages enough runs for ~20 ms of CPU, so one GC pause or compiler thread does not decide it.
  let spent = once();
  let runs = 1;
  for (; runs < 1000 && spent < 1_000_000; runs++) spent += once();
  const batch = Math.max(1, Math.round(20_000 / (spent / runs)));
  const round = (): number => {
    let total = 0;
    for (let n = 0; n < batch; n++) total += once();
    return total / batch;
  };
  return median(Array.from({ length: rounds }, round));
}

/**
 * The kernel's own "verification time N usec" from loads at log level 4 (statistics only, no
 * instruction log, which would inflate it), through the verifier suite's libbpf loader. The kernel
 * measures wall time, which on a loaded machine includes being preempted: the least of `rounds`
 * loads is the closest to its CPU time, so that is the figure (ours is CPU time).
 */
export function kernelVerifierUs(objPath: string, rounds = 5): number | null {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const m = /verification time (\d+) usec/.exec(kernelLoad(objPath, 4).log);
    if (m) times.push(Number(m[1]));
  }
  return times.length === 0 ? null : Math.min(...times);
}

export const loadBpfObject = (path: string): BpfObject => loadObject(readFileSync(path));
