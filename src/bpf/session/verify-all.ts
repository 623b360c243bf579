/**
 * libbpf loads every program of an object, and the load fails when the kernel rejects any of them,
 * so a session verifies them all: the entry program first, then the others (tail-call targets
 * among them, reachable only through a prog_array). A rejected other program is reported as the
 * load's failure, naming that program, since that is what stops the kernel from loading the object.
 */
import type { BpfObject, BpfProgram } from '../object';
import type { VerifierReport } from './report';

export type ProgramVerifier = (program: BpfProgram, object: BpfObject, privileged: boolean) => VerifierReport;

export function verifyEveryProgram(
  object: BpfObject,
  entry: BpfProgram,
  verify: ProgramVerifier,
  privileged: boolean,
): VerifierReport {
  const report = verify(entry, object, privileged);
  if (!report.accepted) return report;
  for (const other of object.programs) {
    if (other === entry) continue;
    const r = verify(other, object, privileged);
    if (r.accepted) continue;
    const what = `program '${other.name}' (SEC "${other.sectionName}"), loaded with '${entry.name}'`;
    const message = `${what} was rejected: ${r.error?.message ?? 'rejected'}`;
    return { accepted: false, error: { insn: r.error?.insn ?? 0, message }, log: `${what}:\n${r.log}` };
  }
  return report;
}
