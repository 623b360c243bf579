/** Running a VM to completion, and the bpf_conformance calling convention built on it. */
import { execute } from './execute';
import { VmFault } from './guest-memory';
import { Vm, type VmOptions } from './machine';
import { type PreparedProgram, prepareProgram } from './prepare';

export type RunOutcome =
  | { readonly ok: true; readonly r0: bigint; readonly steps: number }
  | { readonly ok: false; readonly fault: VmFault; readonly steps: number };

/** Runs from the VM's current state until exit; a fault becomes a value, never an exception. */
export function runToExit(vm: Vm): RunOutcome {
  try {
    execute(vm);
    return { ok: true, r0: vm.r0, steps: vm.steps };
  } catch (e) {
    if (e instanceof VmFault) return { ok: false, fault: e, steps: vm.steps };
    throw e;
  }
}

/** Helper id bpf_conformance reserves for uBPF's unwind extension: returns r1; 0 ends the program. */
export const CONFORMANCE_UNWIND_HELPER = 5;

const unwindHelper = (_env: unknown, r1: bigint): bigint => r1;

/**
 * A VM set up the way bpf_conformance runs its tests: r1 points to a writable copy of `memory`
 * (0 when there is none) and r2 holds its length.
 */
export function conformanceVm(program: PreparedProgram | Uint8Array, memory: Uint8Array, options: VmOptions = {}): Vm {
  const prepared = program instanceof Uint8Array ? prepareProgram(program) : program;
  const vm = new Vm(prepared, {
    helpers: (id) => (id === CONFORMANCE_UNWIND_HELPER ? unwindHelper : undefined),
    unwindHelperId: CONFORMANCE_UNWIND_HELPER,
    ...options,
  });
  if (memory.length > 0) vm.setReg(1, vm.mem.map('mem', 'memory', memory.slice(), true));
  vm.setReg(2, BigInt(memory.length));
  return vm;
}

/** Decodes, prepares and runs a program with the conformance convention. IsaError on bad encodings. */
export function runConformance(program: Uint8Array, memory: Uint8Array, options: VmOptions = {}): RunOutcome {
  return runToExit(conformanceVm(program, memory, options));
}
