/**
 * eBPF verifier modelled on Linux 6.18's, for teaching: same verdicts and error texts as the kernel
 * on the programs in tests/verifier, a kernel-format log and a structured result with plain-words
 * explanations and per-instruction abstract state.
 *
 * Scope (honest): program types xdp, socket_filter, sched_cls/act, kprobe, cgroup_skb; helper calls
 * through prototypes supplied by the environment; bpf-to-bpf calls as static subprograms (global
 * functions are not verified separately); ringbuf records as acquired references (reserve,
 * submit/discard, leak check); tracepoint and raw_tracepoint contexts; no kfuncs, BTF pointers,
 * spin locks, dynptrs, iterators or tail-call stack rules. Unprivileged loaders (`privileged:
 * false`) get the kernel's !CAP_BPF rules: pointer leaks, uninitialised stack, no loops, the
 * capability-gated helpers (privilege.ts) and Spectre v1 pointer-arithmetic sanitation
 * (sanitize.ts); other program types are refused before the walk, as bpf() refuses them with
 * EPERM (UNPRIVILEGED_LOAD_REFUSED). State pruning skips scalars that no jump decided below a checkpoint, nor any
 * other check, can depend on (relevance.ts, checkpoints.ts), a stand-in for the kernel's precision
 * marks, which also follow stack slots: `processed` counts can differ from the kernel's.
 */
import { analyse } from './cfg';
import type { Checker } from './context';
import { explain } from './explain';
import { VerifierLog } from './log';
import { Reject } from './reject';
import { Walker } from './walk';
import type { VerifierEnv, VerifierMap, VerifyOptions, VerifyResult } from './types';

export * from './types';
export { explain } from './explain';
export { isGplCompatible, registryHelperProto, verifierEnv, verifierProgType } from './env-from-object';

const MAX_STACK = 512;

const noScratch = (): void => {};

/** Without CAP_BPF, bpf(BPF_PROG_LOAD) accepts only these types (kernel 6.18 measured, tests/verifier/cases/unpriv-*). */
const UNPRIVILEGED_TYPES: ReadonlySet<string> = new Set(['socket_filter', 'cgroup_skb']);

/**
 * The kernel refuses other types with EPERM and an empty log, before its verifier runs; the
 * differential suite writes a load that fails with no log as this text, so both sides compare.
 */
export const UNPRIVILEGED_LOAD_REFUSED = 'BPF program load failed: -EPERM (Operation not permitted)';

export function verify(bytes: Uint8Array, env: VerifierEnv, options: VerifyOptions = {}): VerifyResult {
  const log = new VerifierLog(options.logLevel ?? 1);
  const privileged = options.privileged ?? true;
  const limit = options.insnLimit ?? 1_000_000;
  const collect = options.collectStates ?? 'failing';
  const maps: VerifierMap[] = [];
  const mapIndex = new Map<number, number>();
  for (const [key, m] of env.maps) {
    mapIndex.set(key, maps.length);
    maps.push(m);
  }
  // Inner map templates get indices of their own (after every lddw map), for map_ptr registers.
  for (const m of [...maps]) if (m.inner) maps.push(m.inner);
  let idGen = 0;
  const stats = { processed: 0, states: 0, peakStates: 0, maxStatesPerInsn: 0 };
  let walker: Walker | null = null;
  const finish = (error: Reject | null): VerifyResult => {
    if (error) {
      for (const line of error.preamble) log.print(`${line}\n`);
      log.print(`${error.kernelMessage}\n`);
    }
    if (walker) {
      const s = walker.stats;
      Object.assign(stats, {
        processed: s.processed,
        states: s.totalStates,
        peakStates: s.peakStates,
        maxStatesPerInsn: s.maxStatesPerInsn,
      });
      log.print(
        `processed ${s.processed} insns (limit ${limit}) max_states_per_insn ${s.maxStatesPerInsn} total_states ${s.totalStates} peak_states ${s.peakStates} mark_read 0\n`,
      );
    }
    const result: VerifyResult = { accepted: error === null, error: null, log: log.text(), stats };
    if (error) {
      const { kind, explanation } = explain(error.kernelMessage);
      const line = env.lineInfo?.filter((l) => l.insn <= error.insn).pop()?.where;
      result.error = { insn: error.insn, message: error.kernelMessage, kind, explanation, ...(line ? { line } : {}) };
    }
    if (walker && collect !== 'none') {
      if (collect === 'all') result.states = walker.allStates();
      else if (error) result.states = walker.failingStates();
    }
    return result;
  };
  try {
    if (!privileged && !UNPRIVILEGED_TYPES.has(env.progType)) throw new Reject(0, UNPRIVILEGED_LOAD_REFUSED);
    if (bytes.length === 0 || bytes.length % 8 !== 0) throw new Reject(0, 'invalid program length');
    const prog = analyse(bytes, env, privileged);
    if (log.level === 2) prog.subprogs.forEach((start, n) => log.print(`func#${n} @${start}\n`));
    const stackDepth = new Map<number, number>();
    const checker: Checker = {
      prog,
      env,
      progType: env.progType,
      maps,
      mapIndex,
      privileged,
      log,
      state: { frames: [], cur: 0, refs: [] },
      insn: prog.insns[0]!,
      nextId: () => ++idGen,
      // Scratch marks only decide what the log prints: without a log they are not kept.
      scratchReg: log.enabled ? (_f, r) => walker!.scratched.regs.add(r) : noScratch,
      scratchSlot: log.enabled ? (_f, spi) => walker!.scratched.slots.add(spi) : noScratch,
      stackDepth,
      usedGpl: false,
      aluSanitation: new Map(),
      exploreAluLimits: false,
    };
    walker = new Walker(checker, limit, collect);
    walker.run();
    checkStackDepth(prog.insns, prog.subprogs, stackDepth);
    return finish(null);
  } catch (e) {
    if (e instanceof Reject) return finish(e);
    throw e;
  }
}

/** The deepest chain of calls may use at most 512 bytes of stack in total (frames rounded up to 16). */
function checkStackDepth(insns: Parameters<typeof callees>[0], subprogs: number[], depth: Map<number, number>): void {
  const frameSize = (s: number): number => Math.ceil(Math.max(depth.get(s) ?? 0, 1) / 16) * 16;
  const walk = (s: number, total: number, frames: number): void => {
    const here = total + frameSize(s);
    if (here > MAX_STACK) throw new Reject(s, `combined stack size of ${frames} calls is ${here}. Too large`);
    for (const t of callees(insns, subprogs, s)) walk(t, here, frames + 1);
  };
  walk(0, 0, 1);
}

function callees(
  insns: readonly ({ pc: number; imm: number; spec: { shape: string } } | undefined)[],
  subprogs: number[],
  start: number,
): number[] {
  const end = subprogs.find((s) => s > start) ?? insns.length;
  const out: number[] = [];
  for (let pc = start; pc < end; pc++) {
    const i = insns[pc];
    if (i && i.spec.shape === 'call-local') out.push(i.pc + i.imm + 1);
  }
  return out;
}
