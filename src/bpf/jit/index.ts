/** The eBPF -> WebAssembly JIT: translation, compilation cache, and running on a VM. */
export { compileJit, jitMachine, JitMachine, type JitProgram } from './machine';
export { fastRunner, runFast, type Engine, type EngineInfo, type FastRunner } from './run';
export { translate } from './translate';
