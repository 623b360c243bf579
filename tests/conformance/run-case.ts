/**
 * One conformance case through assembler, decoder and interpreter, judged either as a positive
 * test (must produce the expected result) or a negative one (must be rejected somewhere).
 */
import { assembleUbpf } from '../../src/bpf/asm';
import { type Engine, runFast } from '../../src/bpf/jit';
import { conformanceVm, prepareProgram } from '../../src/bpf/vm';
import { type ConformanceCase, parseDataFile } from './data-file';

export type CaseRun =
  | { readonly kind: 'result'; readonly r0: bigint }
  | { readonly kind: 'error'; readonly stage: 'parse' | 'assemble' | 'decode/run'; readonly message: string };

const hex = (v: bigint): string => `0x${v.toString(16)}`;
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The program bytes: `-- raw` when present (checked against the assembler when both exist). */
function programOf(c: ConformanceCase): Uint8Array {
  const assembled = c.asm === null ? null : assembleUbpf(c.asm);
  if (c.raw === null) {
    if (assembled === null) throw new Error('no -- asm or -- raw section');
    return assembled;
  }
  if (assembled !== null && assembled.length > 0 && !sameBytes(assembled, c.raw))
    throw new Error('the assembler and the -- raw section disagree');
  return c.raw;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The engine cases run on: the interpreter unless EBPF_ENGINE=jit (or an explicit argument). */
export const defaultEngine = (): Engine => (process.env.EBPF_ENGINE === 'jit' ? 'jit' : 'interpreter');

export function runCase(c: ConformanceCase, engine: Engine = defaultEngine()): CaseRun {
  let program: Uint8Array;
  try {
    program = programOf(c);
  } catch (e) {
    return { kind: 'error', stage: 'assemble', message: messageOf(e) };
  }
  try {
    const outcome = runFast(conformanceVm(prepareProgram(program), c.memory), engine);
    if (outcome.ok) return { kind: 'result', r0: outcome.r0 };
    return { kind: 'error', stage: 'decode/run', message: outcome.fault.message };
  } catch (e) {
    return { kind: 'error', stage: 'decode/run', message: messageOf(e) };
  }
}

export interface Verdict {
  readonly ok: boolean;
  readonly reason: string;
}

function describe(run: CaseRun): string {
  return run.kind === 'result' ? `returned ${hex(run.r0)}` : `${run.stage} error: ${run.message}`;
}

/** Positive: the expected result, or an error when the file expects one. */
export function judgePositive(text: string, engine?: Engine): Verdict {
  let c: ConformanceCase;
  try {
    c = parseDataFile(text);
  } catch (e) {
    return { ok: false, reason: `bad data file: ${messageOf(e)}` };
  }
  const run = runCase(c, engine);
  if (c.result !== null) {
    const ok = run.kind === 'result' && run.r0 === c.result;
    return { ok, reason: ok ? describe(run) : `expected ${hex(c.result)}, ${describe(run)}` };
  }
  if (c.error !== null) {
    const ok = run.kind === 'error';
    return { ok, reason: ok ? describe(run) : `expected an error (${c.error}), ${describe(run)}` };
  }
  return { ok: false, reason: 'the file has neither -- result nor -- error' };
}

/** Negative: rejected when anything errors, there is no expected result, or ours differs from it. */
export function judgeNegative(text: string, engine?: Engine): Verdict {
  let c: ConformanceCase;
  try {
    c = parseDataFile(text);
  } catch (e) {
    return { ok: true, reason: `rejected: bad data file: ${messageOf(e)}` };
  }
  const run = runCase(c, engine);
  if (run.kind === 'error') return { ok: true, reason: `rejected: ${describe(run)}` };
  if (c.result === null) return { ok: true, reason: `rejected: no -- result (${describe(run)})` };
  if (run.r0 !== c.result) return { ok: true, reason: `rejected: expected ${hex(c.result)}, ${describe(run)}` };
  return { ok: false, reason: `accepted: ${describe(run)} as the file expects` };
}
