/**
 * The verifier as sessions, `run` and `verify` use it: one program of a loaded object through the
 * shared adapter (verifier/env-from-object.ts), reported in the `run --json` shape.
 */
import type { BpfObject, BpfProgram } from '../object';
import { verifierEnv, verifierProgType, verify, type VerifyOptions, type VerifyResult } from '../verifier';
import type { VerifierReport } from './report';

/** Why a program could not be verified at all (its program type is outside the verifier's scope). */
export const unsupportedType = (program: BpfProgram): string =>
  `the verifier does not model program type '${program.kind.progType}' (section "${program.sectionName}")`;

/** Verifies one program of `object`; null when the verifier does not model its program type. */
export function verifyObjectProgram(
  object: BpfObject,
  program: BpfProgram,
  options: VerifyOptions = {},
): VerifyResult | null {
  const type = verifierProgType(program);
  if (type === null) return null;
  return verify(program.code, verifierEnv(object, program, type), options);
}

/**
 * The session's default verifier. Like libbpf, it verifies without a log first and asks for the
 * level-1 log only when the program is rejected, so accepted programs pay for no log text.
 */
export function sessionVerifier(program: BpfProgram, object: BpfObject, privileged: boolean): VerifierReport {
  const quick = verifyObjectProgram(object, program, { privileged, logLevel: 0, collectStates: 'none' });
  if (quick === null) return { accepted: true, error: null, log: `${unsupportedType(program)}; not verified\n` };
  const r = quick.accepted
    ? quick
    : verifyObjectProgram(object, program, { privileged, logLevel: 1, collectStates: 'none' })!;
  return {
    accepted: r.accepted,
    error: r.error === null ? null : { insn: r.error.insn, message: r.error.message },
    log: r.log,
  };
}
