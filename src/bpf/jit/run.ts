/**
 * Choosing the engine for a VM: the JIT when asked for and able to compile the program, else the
 * interpreter, with the reason recorded so callers can show which one ran.
 */
import { type RunOutcome, runToExit, type Vm, type VmFault } from '../vm';
import { compileJit, interpretAll, type JitMachine, jitMachine, type JitProgram } from './machine';

export type Engine = 'jit' | 'interpreter';

export interface EngineInfo {
  readonly engine: Engine;
  /** Why the interpreter runs although the JIT was asked for; null otherwise. */
  readonly reason: string | null;
}

export interface FastRunner {
  readonly info: EngineInfo;
  /** Runs the VM from its current state to exit (like runToExit). */
  run(): RunOutcome;
  /** The same without building an outcome: the fault, or null after an exit (r0 in vm.regs). */
  exec(): VmFault | null;
  /** The JIT machine when the JIT runs (its linear memory holds the stacks and a packet frame). */
  readonly machine: JitMachine | null;
  /** vm.reset(entry), done the fastest way for this engine (the same state either way). */
  reset(entry: number): void;
}

/** Decides once per VM and program; compiling happens here (cached per prepared program). */
export function fastRunner(vm: Vm, wanted: Engine): FastRunner {
  const interpreter = (reason: string | null): FastRunner => ({
    info: { engine: 'interpreter', reason },
    run: () => runToExit(vm),
    exec: () => interpretAll(vm),
    machine: null,
    reset: (entry) => vm.reset(entry),
  });
  if (wanted === 'interpreter') return interpreter(null);
  const program: JitProgram = compileJit(vm.program);
  if (!program.ok) return interpreter(program.reason);
  const machine = jitMachine(vm);
  if (machine === null) return interpreter('WebAssembly is not available here');
  return {
    info: { engine: 'jit', reason: null },
    run: () => machine.run(program),
    exec: machine.bind(program),
    machine,
    reset: (entry) => machine.reset(entry),
  };
}

/** One run with the chosen engine (builds the runner each time: for tests and one-off runs). */
export const runFast = (vm: Vm, wanted: Engine = 'jit'): RunOutcome => fastRunner(vm, wanted).run();
