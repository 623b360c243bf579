/**
 * `ebpf-playground exec`: runs raw bytecode or uBPF-syntax assembly with the bpf_conformance
 * convention (r1 = pointer to a copy of the memory, r2 = its length, helper 5 = unwind).
 */
import { readFileSync } from 'node:fs';
import { assembleUbpf } from '../../bpf/asm';
import { runConformance } from '../../bpf/vm/run';
import { type CliCommand, type CliIo, UsageError, requireValue } from '../command';

const USAGE = `usage: ebpf-playground exec (--program-hex HEX | --asm FILE) [--memory-hex HEX] [--budget N] [--json]

Runs an eBPF program in the interpreter: r1 points to a copy of the memory, r2 holds its length.
  --program-hex HEX   program bytes as hex (whitespace allowed)
  --asm FILE          program in the bpf_conformance/uBPF assembly syntax ('-' reads stdin)
  --memory-hex HEX    memory passed in r1/r2 (default: none)
  --budget N          instruction budget (default 10000000)
  --json              print {"r0":"0x..."} or {"error":"..."}`;

interface ExecArgs {
  programHex: string | null;
  asmFile: string | null;
  memoryHex: string;
  budget: number | undefined;
  json: boolean;
}

function parseArgs(args: string[]): ExecArgs {
  const out: ExecArgs = { programHex: null, asmFile: null, memoryHex: '', budget: undefined, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => requireValue(args[++i], arg);
    if (arg === '--json') out.json = true;
    else if (arg === '--program-hex') out.programHex = value();
    else if (arg === '--asm') out.asmFile = value();
    else if (arg === '--memory-hex') out.memoryHex = value();
    else if (arg === '--budget') {
      out.budget = Number(value());
      if (!Number.isSafeInteger(out.budget) || out.budget <= 0)
        throw new UsageError('--budget must be a positive integer');
    } else throw new UsageError(`unknown option '${arg}'`);
  }
  if ((out.programHex === null) === (out.asmFile === null))
    throw new UsageError('give exactly one of --program-hex and --asm');
  return out;
}

/** Hex text to bytes; an optional 0x prefix and any whitespace are allowed. */
export function parseHex(text: string, what: string): Uint8Array {
  const clean = text.replace(/^0x/i, '').replace(/\s+/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(clean)) throw new Error(`${what} is not an even number of hex digits`);
  return Uint8Array.from(clean.match(/../g) ?? [], (b) => parseInt(b, 16));
}

function loadProgram(a: ExecArgs): Uint8Array {
  if (a.programHex !== null) return parseHex(a.programHex, '--program-hex');
  const text = readFileSync(a.asmFile === '-' ? 0 : a.asmFile!, 'utf8');
  return assembleUbpf(text);
}

function report(io: CliIo, json: boolean, result: { r0: bigint; steps: number } | { error: string }): number {
  if ('error' in result) {
    if (json) io.out(JSON.stringify({ error: result.error }));
    else io.err(`error: ${result.error}`);
    return 1;
  }
  const hex = `0x${result.r0.toString(16)}`;
  if (json) io.out(JSON.stringify({ r0: hex }));
  else io.out(`r0 = ${hex} (${BigInt.asIntN(64, result.r0)})\n${result.steps} instructions executed`);
  return 0;
}

export const execCommand: CliCommand = {
  name: 'exec',
  summary: 'run raw bytecode or uBPF assembly with the conformance convention',
  usage: USAGE,
  async run(args, io) {
    const a = parseArgs(args);
    let program: Uint8Array;
    let memory: Uint8Array;
    try {
      program = loadProgram(a);
      memory = parseHex(a.memoryHex, '--memory-hex');
    } catch (e) {
      return report(io, a.json, { error: e instanceof Error ? e.message : String(e) });
    }
    try {
      const outcome = runConformance(program, memory, a.budget === undefined ? {} : { budget: a.budget });
      return report(io, a.json, outcome.ok ? outcome : { error: outcome.fault.message });
    } catch (e) {
      // Decoding errors (IsaError) name the instruction; anything else is reported the same way.
      return report(io, a.json, { error: e instanceof Error ? e.message : String(e) });
    }
  },
};
