/** The simulated kernel: workloads, attach points, kernel/user memory and the event stream. */
export { simulate, Simulation, type Firing, type SimulationOptions } from './simulate';
export {
  attachmentFromSection,
  contextBytes,
  parseAttachment,
  resolveAttachment,
  type Attachment,
  type AttachType,
} from './attach';
export type { KernelEvent, SimTask } from './events';
export { KERNEL_FUNCTIONS, SYSCALLS, syscallFnName, type KernelFunction, type Syscall } from './catalogue';
export { TRACEPOINTS, tracepoint, type TracepointDef } from './tracepoints';
export { KERNEL_STRUCTS, PT_REGS_NAMES } from './structs';
export { symbolize, kernelSymbol } from './symbols';
export { listWorkloads, workloadPreset, WORKLOAD_PRESETS, type WorkloadPreset } from './presets';
export { parseWorkload } from './workload/parse';
export { WorkloadError, type Workload, type Statement, type Action } from './workload/types';
