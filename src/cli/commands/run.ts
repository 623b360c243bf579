/**
 * `ebpf-playground run PROG`: loads a BPF object and runs one of its programs on packets the way
 * BPF_PROG_TEST_RUN does; --json prints the report shape of issue 3 (src/bpf/session/report.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus as osCpus } from 'node:os';
import { loadObject, objectNameFromPath } from '../../bpf/object';
import { createSession, formatReport, type RunReport } from '../../bpf/session';
import type { CompileInput } from '../../compiler/types';
import { type CliCommand, type CliIo, UsageError, requireValue } from '../command';
import { readObject } from '../read-object';
import { parseHex } from './exec';
import { type CompileFn, runAttachMode } from './run-attach';

const USAGE = `usage: ebpf-playground run PROG [--section NAME] [--packet HEX]... [--repeat N] [--cpus N] [--json]
       ebpf-playground run PROG [--attach TYPE:TARGET[=FUNCTION]]... [--workload FILE | --workload-preset NAME] [--bcc] [--cpus N] [--json]

Loads PROG (a BPF ELF object from clang -target bpf, or a .c file compiled with clang.wasm) and runs one program on each packet in order,
like BPF_PROG_TEST_RUN; maps keep their state from one packet to the next.
  --section NAME   the program to run: its SEC() name or function name (default: the first)
  --packet HEX     a packet (Ethernet frame) as hex; repeat for several
  --repeat N       run each packet N times and report duration_ns_avg
  --cpus N         simulated CPUs for per-CPU maps (default: this machine's possible CPUs)
  --json           print {"verifier": ..., "runs": [...], "maps": {...}}

Attach runs: the programs run on the simulated kernel's events while it plays a workload; each firing
is one run (with "context", a summary of the event). Used when --attach, --workload or
--workload-preset is given, or PROG is a BCC Python script (.py: its BPF(text=...) and attach_* calls).
  --attach SPEC            kprobe:FN, kretprobe:FN, tracepoint:CATEGORY:NAME, raw_tracepoint:NAME or
                           xdp:DEV, with =FUNCTION naming the program (default: the only one); repeatable.
                           Without it: the script's attach_* calls, or each program's SEC() name
  --workload FILE          the workload to play (see \`ebpf-playground workloads\`)
  --workload-preset NAME   a preset workload (default: demo)
  --bcc                    treat a .c file as BCC-style C (detected from the source otherwise)`;

interface RunArgs {
  path: string;
  attach: string[];
  workload: string | undefined;
  preset: string | undefined;
  bcc: boolean;
  section: string | undefined;
  packets: string[];
  repeat: number;
  cpus: number | undefined;
  json: boolean;
}

function positiveInt(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive integer`);
  return n;
}

function parseArgs(args: string[]): RunArgs {
  const out: RunArgs = { path: '', attach: [], workload: undefined, preset: undefined, bcc: false, section: undefined, packets: [], repeat: 1, cpus: undefined, json: false }; // prettier-ignore
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => requireValue(args[++i], arg);
    if (arg === '--json') out.json = true;
    else if (arg === '--section') out.section = value();
    else if (arg === '--attach') out.attach.push(value());
    else if (arg === '--workload') out.workload = value();
    else if (arg === '--workload-preset') out.preset = value();
    else if (arg === '--bcc') out.bcc = true;
    else if (arg === '--packet') out.packets.push(value());
    else if (arg === '--repeat') out.repeat = positiveInt(arg, value());
    else if (arg === '--cpus') out.cpus = positiveInt(arg, value());
    else if (arg.startsWith('--')) throw new UsageError(`unknown option '${arg}'`);
    else if (out.path === '') out.path = arg;
    else throw new UsageError(`unexpected argument '${arg}'`);
  }
  if (out.path === '') throw new UsageError('give the program: a BPF object file');
  return out;
}

/** Possible CPUs, so per-CPU map dumps have as many copies as the kernel's on this machine. */
function hostCpus(): number {
  const path = '/sys/devices/system/cpu/possible';
  if (!existsSync(path)) return Math.max(1, osCpus().length);
  return readFileSync(path, 'utf8')
    .trim()
    .split(',')
    .reduce((n, part) => {
      const [a, b] = part.split('-').map(Number);
      return n + (b === undefined ? 1 : b - a! + 1);
    }, 0);
}

const clockNs = (): number => Number(process.hrtime.bigint());

/** clang.wasm, for attach runs of C and BCC sources. */
async function compileWithClangWasm(input: CompileInput): Promise<Uint8Array> {
  const { compileProgram } = await import('../../compiler/compile');
  const { getNodeClang, nodeSystemHeaders } = await import('../../compiler/node');
  const clang = await getNodeClang();
  const out = await compileProgram(clang.module, input, nodeSystemHeaders());
  if (out.object === null) throw new Error(`${input.entry} did not compile:\n${out.crash ?? out.stderr}`);
  return out.object;
}

const isAttachRun = (a: RunArgs): boolean =>
  a.attach.length > 0 || a.workload !== undefined || a.preset !== undefined || a.path.endsWith('.py');

/** Attach mode; `compile` is replaceable so tests can use native clang until clang.wasm is built. */
export async function runAttachCommand(
  args: string[],
  io: CliIo,
  compile: CompileFn = compileWithClangWasm,
): Promise<number> {
  const a = parseArgs(args);
  if (a.packets.length > 0) throw new UsageError('--packet is for packet runs; attach runs play a workload');
  let outcome;
  try {
    outcome = await runAttachMode(a, a.cpus ?? hostCpus(), compile);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (a.json) io.out(JSON.stringify({ error: message }));
    else io.err(`error: ${message}`);
    return 1;
  }
  io.out(a.json ? outcome.json : outcome.text);
  return outcome.accepted ? 0 : 1;
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run a program on packets like BPF_PROG_TEST_RUN, or attached to the simulated kernel',
  usage: USAGE,
  async run(args, io) {
    const a = parseArgs(args);
    if (isAttachRun(a)) return runAttachCommand(args, io);
    const packets = a.packets.map((hex, i) => parseHex(hex, `--packet #${i + 1}`));
    let report: RunReport;
    let type;
    try {
      const object = loadObject(await readObject(a.path), { name: objectNameFromPath(a.path) });
      const session = createSession(object, {
        ...(a.section === undefined ? {} : { programName: a.section }),
        cpus: a.cpus ?? hostCpus(),
        privileged: true,
        seed: 1,
        clockNs,
      });
      type = session.type;
      const runs = packets.map((p) => (a.repeat > 1 ? session.runRepeat(p, a.repeat) : session.run(p)));
      report = { verifier: session.verifier, runs, maps: session.dumpMaps() };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (a.json) io.out(JSON.stringify({ error: message }));
      else io.err(`error: ${message}`);
      return 1;
    }
    if (a.json) io.out(JSON.stringify(report));
    else
      io.out(
        formatReport(
          report,
          type ?? null,
          packets.map((p) => Buffer.from(p).toString('hex')),
        ),
      );
    return report.verifier.accepted ? 0 : 1;
  },
};
