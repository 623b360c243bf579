/**
 * `ebpf-playground verify PROG`: the verifier's verdict on one program of a BPF object, with the
 * kernel's message, a plain-words explanation and the C line; --json prints the contract of issue 4.
 */
import { type BpfObject, type BpfProgram, loadObject, objectNameFromPath } from '../../bpf/object';
import { unsupportedType, verifyObjectProgram } from '../../bpf/session/verifier-env';
import type { VerifyResult } from '../../bpf/verifier';
import { type CliCommand, type CliIo, UsageError, requireValue } from '../command';
import { readObject } from '../read-object';

const USAGE = `usage: ebpf-playground verify PROG [--section NAME] [--json] [--unprivileged] [--log-level 1|2]

Verifies one program of PROG (a BPF ELF object, or a .c file compiled with clang.wasm) the way the
Linux 6.18 verifier does, as root (CAP_BPF/CAP_PERFMON) unless --unprivileged.
  --section NAME   the program: its SEC() name or function name (default: the first)
  --json           print {"accepted", "error": {"insn", "line", "message"}|null, "log", "stats"}
  --unprivileged   verify as an unprivileged user (stricter pointer and stack rules)
  --log-level N    1: the path to the error (default); 2: every instruction with its state
  --log            print the verifier log in the text output too`;

interface VerifyArgs {
  path: string;
  section: string | undefined;
  json: boolean;
  privileged: boolean;
  logLevel: 1 | 2;
  showLog: boolean;
}

function parseArgs(args: readonly string[]): VerifyArgs {
  const out: VerifyArgs = { path: '', section: undefined, json: false, privileged: true, logLevel: 1, showLog: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => requireValue(args[++i], arg);
    if (arg === '--section') out.section = value();
    else if (arg === '--json') out.json = true;
    else if (arg === '--unprivileged') out.privileged = false;
    else if (arg === '--log') out.showLog = true;
    else if (arg === '--log-level') {
      const v = value();
      if (v !== '1' && v !== '2') throw new UsageError('--log-level must be 1 or 2');
      out.logLevel = v === '1' ? 1 : 2;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else if (out.path === '') out.path = arg;
    else throw new UsageError(`unexpected argument '${arg}'`);
  }
  if (out.path === '') throw new UsageError('missing PROG');
  return out;
}

function pickProgram(object: BpfObject, name: string | undefined): BpfProgram {
  const found =
    name === undefined
      ? object.programs[0]
      : (object.programs.find((p) => p.name === name) ?? object.programs.find((p) => p.sectionName === name));
  if (found) return found;
  const known = object.programs.map((p) => `${p.name} (SEC "${p.sectionName}")`).join(', ') || 'no programs';
  throw new Error(name === undefined ? 'the object has no programs' : `no program or section named '${name}'; the object has ${known}`); // prettier-ignore
}

/** The `verify --json` contract. */
export function verifyJson(r: VerifyResult): string {
  return JSON.stringify({
    accepted: r.accepted,
    error: r.error === null ? null : { insn: r.error.insn, line: r.error.line ?? null, message: r.error.message },
    log: r.log,
    stats: { processed: r.stats.processed, states: r.stats.states },
  });
}

/** Verdict, the kernel's words, the plain-words reading and the C line, for people. */
export function verifyText(r: VerifyResult, program: BpfProgram, showLog: boolean): string {
  const lines: string[] = showLog ? [r.log.trimEnd(), ''] : [];
  const stats = `processed ${r.stats.processed} insns, ${r.stats.states} states`;
  lines.push(`${program.name} (SEC "${program.sectionName}"): ${r.accepted ? 'ACCEPTED' : 'REJECTED'} (${stats})`);
  const e = r.error;
  if (e !== null) {
    lines.push(`  at insn ${e.insn}${e.line ? ` (${e.line})` : ''}`);
    const source = program.lineAt[e.insn]?.source.trim();
    if (source) lines.push(`  C line:  ${source}`);
    lines.push(`  kernel:  ${e.message}`, `  why:     ${e.explanation}`);
  }
  return lines.join('\n');
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'verify a program like the Linux 6.18 verifier: verdict, message, explanation, C line',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const a = parseArgs(args);
    let program: BpfProgram;
    let result: VerifyResult | null;
    try {
      const object = loadObject(await readObject(a.path), { name: objectNameFromPath(a.path) });
      program = pickProgram(object, a.section);
      result = verifyObjectProgram(object, program, { privileged: a.privileged, logLevel: a.logLevel, collectStates: 'none' }); // prettier-ignore
      if (result === null) throw new Error(unsupportedType(program));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (a.json) io.out(JSON.stringify({ error: message }));
      else io.err(`error: ${message}`);
      return 1;
    }
    io.out(a.json ? verifyJson(result) : verifyText(result, program, a.showLog));
    return result.accepted ? 0 : 1;
  },
};
