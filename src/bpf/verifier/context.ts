/** What every check needs while walking one path: the program, the environment and the current state. */
import type { DecodedInsn } from '../isa';
import type { Program } from './cfg';
import type { VerifierLog } from './log';
import type { Reg } from './reg';
import { Reject } from './reject';
import type { VerifierState } from './state';
import type { ProgType, VerifierEnv, VerifierMap } from './types';

export interface Checker {
  prog: Program;
  env: VerifierEnv;
  progType: ProgType;
  /** Maps in lddw-key order; registers refer to them by index. */
  maps: VerifierMap[];
  mapIndex: Map<number, number>;
  privileged: boolean;
  log: VerifierLog;
  state: VerifierState;
  insn: DecodedInsn;
  /** Source of fresh ids for null checks and packet ranges. */
  nextId: () => number;
  /** Registers/slots touched by the current instruction, for the log's `; R1=...` annotations. */
  scratchReg(frame: number, r: number): void;
  scratchSlot(frame: number, spi: number): void;
  /** Largest stack depth seen per subprogram (bytes). */
  stackDepth: Map<number, number>;
  /** Largest packet offset accessed (for information only). */
  usedGpl: boolean;
  /** Per instruction, the masking the unprivileged pointer arithmetic there needs (sanitize.ts). */
  aluSanitation: Map<number, { state: number; limit: number }>;
  /** Set once such arithmetic has a variable offset: pruning then compares scalars exactly. */
  exploreAluLimits: boolean;
}

/** Fails verification with the kernel's text; `preamble` lines are logged before it. */
export function fail(c: Checker, message: string, ...preamble: string[]): never {
  throw new Reject(c.insn.pc, message, preamble);
}

export const regs = (c: Checker): Reg[] => c.state.frames[c.state.cur]!.regs;
export const reg = (c: Checker, r: number): Reg => regs(c)[r]!;
