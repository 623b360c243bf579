/**
 * One fuzzing campaign: `numRuns` programs from a seed, each through our verifier and (when
 * accepted) the interpreter, then all of them through the kernel in one batch. Failures are the
 * soundness bugs: an accepted program that faults, or that the kernel rejects. Programs we reject
 * and the kernel accepts are precision gaps: counted and listed, not failures.
 */
import fc from 'fast-check';
import { disassemble } from '../../src/bpf/asm';
import { decodeProgram } from '../../src/bpf/isa';
import { kernelReady, kernelVerdicts, runOurs, templateObject, type OurOutcome } from './oracle';
import { type FuzzProgram, programArb } from './programs';

export interface Counts {
  programs: number;
  insns: number;
  accepted: number;
  rejected: number;
  /** Set when the kernel was asked. */
  kernel: { bothAccept: number; bothReject: number; sameMessage: number; precisionGaps: number } | null;
}

export interface Finding {
  kind: 'fault' | 'kernel-rejects' | 'precision-gap';
  detail: string;
  listing: string;
}

export interface CampaignResult {
  counts: Counts;
  failures: Finding[];
  gaps: Finding[];
  kernelSkipped: string | null;
}

const listing = (p: FuzzProgram): string => disassemble(decodeProgram(p.code));

export function runCampaign(seed: number, numRuns: number): CampaignResult {
  const template = templateObject();
  const programs = fc.sample(programArb, { seed, numRuns });
  const ours: OurOutcome[] = programs.map((p) => runOurs(template, p));
  const failures: Finding[] = [];
  const gaps: Finding[] = [];
  ours.forEach((o, i) => {
    if (o.fault !== null) failures.push({ kind: 'fault', detail: o.fault, listing: listing(programs[i]!) });
  });
  const accepted = ours.filter((o) => o.accepted).length;
  const counts: Counts = {
    programs: programs.length,
    insns: programs.reduce((n, p) => n + p.code.length / 8, 0),
    accepted,
    rejected: programs.length - accepted,
    kernel: null,
  };
  const ready = kernelReady();
  if (!ready.ok) return { counts, failures, gaps, kernelSkipped: ready.reason };
  const k = { bothAccept: 0, bothReject: 0, sameMessage: 0, precisionGaps: 0 };
  kernelVerdicts(
    template,
    programs.map((p) => p.code),
  ).forEach((kv, i) => {
    const o = ours[i]!;
    if (o.accepted && kv.loaded) k.bothAccept++;
    else if (o.accepted) {
      failures.push({ kind: 'kernel-rejects', detail: kv.message, listing: `${listing(programs[i]!)}\n${kv.log}` });
    } else if (kv.loaded) {
      k.precisionGaps++;
      gaps.push({ kind: 'precision-gap', detail: o.message, listing: listing(programs[i]!) });
    } else {
      k.bothReject++;
      if (o.message === kv.message) k.sameMessage++;
    }
  });
  counts.kernel = k;
  return { counts, failures, gaps, kernelSkipped: null };
}

export function describeFinding(f: Finding): string {
  return `${f.kind}: ${f.detail}\n${f.listing}`;
}
