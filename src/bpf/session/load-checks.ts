/**
 * Load-time checks that stand in for the verifier until src/bpf/verifier is wired in: the program
 * decodes, its program type can be test-run, and every helper it calls exists in the simulator.
 * They produce the same VerifierReport shape the verifier will.
 */
import { findHelper, helperName } from '../helpers';
import { type DecodedInsn, decodeProgram, IsaError } from '../isa';
import type { BpfProgram } from '../object';
import type { VerifierReport } from './report';

export const reject = (insn: number, message: string): VerifierReport => ({
  accepted: false,
  error: { insn, message },
  log: `${message}\n`,
});

export const ACCEPTED_BY_LOAD_CHECKS: VerifierReport = {
  accepted: true,
  error: null,
  log: 'load-time checks passed (decode, program type, helper ids); the verifier is not run yet\n',
};

export function loadTimeChecks(program: BpfProgram, runnable: boolean): VerifierReport {
  let insns: DecodedInsn[];
  try {
    insns = decodeProgram(program.code);
  } catch (e) {
    if (e instanceof IsaError) return reject(0, e.message);
    throw e;
  }
  if (!runnable) return reject(0, `program type of section '${program.sectionName}' cannot be test-run with packets`);
  for (const i of insns) {
    if (i.spec.shape !== 'call' || findHelper(i.imm) !== null) continue;
    const name = helperName(i.imm);
    return reject(
      i.pc,
      name === null ? `invalid func unknown#${i.imm}` : `helper ${name}#${i.imm} is not supported by the simulator`,
    );
  }
  return ACCEPTED_BY_LOAD_CHECKS;
}
