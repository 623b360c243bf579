/**
 * The CLI's command list. Each entry loads its module lazily so `ebpf-playground exec`
 * does not pay for the compiler or the verifier. Add one line per command.
 */
import type { CliCommand } from '../command';

export const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  compile: async () => (await import('./compile')).compileCommand,
  disasm: async () => (await import('./disasm')).disasmCommand,
  exec: async () => (await import('./exec')).execCommand,
  open: async () => (await import('./open')).openCommand,
  run: async () => (await import('./run')).runCommand,
  share: async () => (await import('./share')).shareCommand,
  traffic: async () => (await import('./traffic')).trafficCommand,
  workloads: async () => (await import('./workloads')).workloadsCommand,
  verify: async () => (await import('./verify')).verifyCommand,
};
