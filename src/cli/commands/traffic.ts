/**
 * `ebpf-playground traffic PROG`: a traffic run on the command line — the page's packet mix at a
 * nominal rate, N packets through one session (maps live across packets), totals printed at the
 * end. The same core loop as the page's (src/bpf/traffic), without the worker.
 */
import { loadObject, objectNameFromPath } from '../../bpf/object';
import { createSession, type Session } from '../../bpf/session';
import { DEFAULT_MIX, parseMix, PRESET_IDS, TrafficRun, type TrafficTotals } from '../../bpf/traffic';
import { type CliCommand, type CliIo, UsageError, requireValue } from '../command';
import { readObject } from '../read-object';

const USAGE = `usage: ebpf-playground traffic PROG [--section NAME] [--packets N] [--mix SPEC] [--rate PPS] [--seed N] [--cpus N] [--json]

Runs PROG (a BPF object, or a .c file compiled with clang.wasm) on N generated packets, one run each
like BPF_PROG_TEST_RUN, with maps and helper state live across packets, and prints the totals.
  --packets N   how many packets (default 100000)
  --mix SPEC    comma-separated classes "WEIGHT[%] PRESET [src=CIDR] [sport=LO-HI] [dport=LO-HI]"
                (default "${DEFAULT_MIX}")
                PRESET: ${PRESET_IDS.join(', ')}, or hex:FRAME
  --rate PPS    nominal packets per simulated second: bpf_ktime_get_ns advances 1/PPS per packet (default 100000)
  --seed N      seed of the generator (same seed, same packets; default 1)
  --cpus N      simulated CPUs: per-CPU maps keep N copies (programs run on CPU 0; default 1)
  --json        print {"verifier", "engine", "packets", "rate_pps", "seed", "elapsed_ms", "packets_per_second",
                "simulated_ns", "verdicts": [{"name","retval","count"}], "classes": [{"label","count"}],
                "first_error", "trace_lines", "maps"}`;

interface TrafficArgs {
  path: string;
  section: string | undefined;
  packets: number;
  mix: string;
  rate: number;
  seed: number;
  cpus: number;
  json: boolean;
}

function positive(flag: string, text: string, integer: boolean): number {
  const n = Number(text);
  if (!(n > 0) || (integer && !Number.isSafeInteger(n))) throw new UsageError(`${flag} must be a positive ${integer ? 'integer' : 'number'}`); // prettier-ignore
  return n;
}

function parseArgs(args: string[]): TrafficArgs {
  const out: TrafficArgs = { path: '', section: undefined, packets: 100_000, mix: DEFAULT_MIX, rate: 100_000, seed: 1, cpus: 1, json: false }; // prettier-ignore
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => requireValue(args[++i], arg);
    if (arg === '--json') out.json = true;
    else if (arg === '--section') out.section = value();
    else if (arg === '--packets') out.packets = positive(arg, value(), true);
    else if (arg === '--mix') out.mix = value();
    else if (arg === '--rate') out.rate = positive(arg, value(), false);
    else if (arg === '--seed') out.seed = positive(arg, value(), true);
    else if (arg === '--cpus') out.cpus = positive(arg, value(), true);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option '${arg}'`);
    else if (out.path === '') out.path = arg;
    else throw new UsageError(`unexpected argument '${arg}'`);
  }
  if (out.path === '') throw new UsageError('give the program: a BPF object file or a .c file');
  return out;
}

function text(a: TrafficArgs, session: Session, totals: TrafficTotals, elapsedMs: number, pps: number): string {
  const engine = session.engine.engine === 'jit' ? 'JIT' : `interpreter (${session.engine.reason ?? 'asked for'})`;
  const lines = [
    `${totals.done.toLocaleString('en-US')} packets in ${(elapsedMs / 1000).toFixed(2)} s: ${pps.toLocaleString('en-US')} packets/s with the ${engine}`,
    `simulated time: ${(totals.simulatedNs / 1e9).toFixed(3)} s at ${a.rate.toLocaleString('en-US')} packets/s`,
    'verdicts:',
    ...totals.verdicts.map(
      (v) => `  ${v.name.padEnd(16)} ${String(v.count).padStart(10)}  ${((100 * v.count) / totals.done).toFixed(1)}%`,
    ),
    'classes:',
    ...totals.perClass.map((c) => `  ${c.label.padEnd(16)} ${String(c.count).padStart(10)}`),
  ];
  if (totals.firstError !== null) lines.push(`first error: ${totals.firstError}`);
  if (totals.traceLines > 0) lines.push(`trace_pipe lines: ${totals.traceLines}`);
  return lines.join('\n');
}

export const trafficCommand: CliCommand = {
  name: 'traffic',
  summary: 'run a program on a generated mix of N packets at a nominal rate and print the totals',
  usage: USAGE,
  async run(args, io: CliIo) {
    const a = parseArgs(args);
    try {
      const classes = parseMix(a.mix);
      const object = loadObject(await readObject(a.path), { name: objectNameFromPath(a.path) });
      const session = createSession(object, { ...(a.section === undefined ? {} : { programName: a.section }), cpus: a.cpus, privileged: true, seed: 1 }); // prettier-ignore
      if (!session.verifier.accepted) {
        const e = session.verifier.error;
        if (a.json) io.out(JSON.stringify({ verifier: session.verifier }));
        else io.err(`verifier: REJECTED at insn ${e?.insn}: ${e?.message}`);
        return 1;
      }
      const run = new TrafficRun(session, {
        packets: a.packets,
        ratePps: a.rate,
        classes,
        seed: a.seed,
        chartMap: null,
      });
      const start = performance.now();
      while (!run.finished) run.advance(65_536);
      const elapsedMs = performance.now() - start;
      const pps = Math.round((run.done * 1000) / Math.max(elapsedMs, 1e-3));
      const totals = run.totals();
      if (!a.json) io.out(text(a, session, totals, elapsedMs, pps));
      else {
        const { verdicts, perClass, firstError, traceLines, simulatedNs } = totals;
        const report = { verifier: session.verifier, engine: session.engine, packets: totals.done, rate_pps: a.rate, seed: a.seed, elapsed_ms: Math.round(elapsedMs), packets_per_second: pps, simulated_ns: simulatedNs, verdicts, classes: perClass, first_error: firstError, trace_lines: traceLines, maps: session.dumpMaps() }; // prettier-ignore
        io.out(JSON.stringify(report));
      }
      return 0;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (a.json) io.out(JSON.stringify({ error: message }));
      else io.err(`error: ${message}`);
      return 1;
    }
  },
};
