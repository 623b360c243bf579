/** The interpreter: address space, program preparation, execution, tracing. */
export * from './guest-memory';
export { Access, AddressSpace, type CtxHandler, HI_BASE, hex64, regionBase } from './address-space';
export {
  prepareProgram,
  prepareInsns,
  funcAddress,
  pcOfFuncAddress,
  type LddwResolver,
  type PreparedProgram,
} from './prepare';
export {
  Vm,
  defaultEnv,
  MAX_CALL_FRAMES,
  STACK_SIZE,
  DEFAULT_BUDGET,
  type VmOptions,
  type HelperLookup,
} from './machine';
export { execute, type ExecResult } from './execute';
export { MemoryFault } from './slow-path';
export { runToExit, runConformance, conformanceVm, CONFORMANCE_UNWIND_HELPER, type RunOutcome } from './run';
export { step, runTraced, snapshot, restore, type TraceStep, type StackChange, type VmSnapshot } from './trace';
