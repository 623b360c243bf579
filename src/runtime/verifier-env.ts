/**
 * The verifier's result as the protocol's VerifierReport: the failing path's abstract state with a
 * plain-words reading of each register, and an editor diagnostic at the failing C line. The
 * environment itself comes from the core's adapter (src/bpf/verifier/env-from-object.ts).
 */
import type { BpfProgram } from '../bpf/object';
import type { RegView, StateSnapshot, VerifyResult } from '../bpf/verifier';
import type { AbstractStep, Diagnostic, VerifierReport } from '../protocol';

// The object → VerifierEnv adapter lives in the core so the CLI and the session share it.
export { verifierEnv, verifierProgType } from '../bpf/verifier';

const baseName = (file: string): string => file.split('/').pop() ?? file;

/** One sentence for a student about a register's abstract value (kernel text in RegView.text). */
export function plainRegister(view: RegView | null): string {
  if (view === null) return 'not initialised: reading it is an error';
  const t = view.text;
  const range = /r=(\d+)/.exec(t);
  const off = /off=(-?\d+)/.exec(t);
  const type = view.type;
  if (type.startsWith('scalar') || type === 'inv') {
    const exact = /^(-?\d+)$/.exec(t);
    if (exact !== null) return `the known number ${exact[1]}`;
    return t === 'scalar()' || t === 'scalar'
      ? 'a number the verifier knows nothing about'
      : 'a number within the bounds shown';
  }
  if (type.startsWith('pkt_end')) return 'the end of the packet (data_end): compare packet pointers against it';
  if (type.startsWith('pkt_meta')) return 'a pointer to the packet metadata';
  if (type.startsWith('pkt')) {
    const r = range === null ? 0 : Number(range[1]);
    return r === 0
      ? 'a packet pointer not yet checked against data_end: reading through it needs a bounds check first'
      : `a packet pointer; ${r} bytes from the packet start are proven to be inside the packet`;
  }
  if (type.startsWith('ctx')) return "a pointer to the program's context (e.g. struct xdp_md)";
  if (type.startsWith('fp')) return `a pointer into this function's stack (frame pointer ${off?.[1] ?? 0})`;
  if (type.includes('map_value_or_null'))
    return 'a map value pointer that may be NULL: check it against NULL before using it';
  if (type.startsWith('map_value')) return 'a pointer into a map value; accesses must stay inside the value';
  if (type.startsWith('map_ptr')) return 'a pointer to a map (for the map helpers only)';
  if (type.includes('or_null')) return 'a pointer that may be NULL: check it before using it';
  if (type.startsWith('mem')) return 'a pointer to memory a helper returned';
  return 'a pointer';
}

function pathOf(
  states: readonly StateSnapshot[],
  program: BpfProgram,
  insnText: (pc: number) => string,
): AbstractStep[] {
  return states.map((s) => ({
    pc: s.insn,
    insn: insnText(s.insn),
    sourceLine: program.lineAt[s.insn]?.line ?? null,
    registers: s.regs.flatMap((r, reg) => (r === null ? [] : [{ reg, state: r.text, plain: plainRegister(r) }])),
    stack: s.stack.map((slot) => ({ offset: slot.off, state: slot.text })),
  }));
}

export function toVerifierReport(
  result: VerifyResult,
  program: BpfProgram,
  insnText: (pc: number) => string,
): VerifierReport {
  const diagnostics: Diagnostic[] = [];
  const err = result.error;
  if (err !== null) {
    const at = program.lineAt[err.insn] ?? null;
    if (at !== null) {
      diagnostics.push({
        source: 'verifier',
        severity: 'error',
        message: `verifier: ${err.message}${err.explanation ? `\n${err.explanation}` : ''}`,
        file: baseName(at.file),
        line: at.line,
        column: Math.max(1, at.column),
      });
    }
  }
  return {
    accepted: result.accepted,
    error: err === null ? null : { insn: err.insn, line: err.line ?? null, message: err.message },
    log: result.log,
    stats: { processed: result.stats.processed, states: result.stats.states },
    explanation: err?.explanation ?? null,
    path: pathOf(result.states ?? [], program, insnText),
    diagnostics,
  };
}
