/**
 * BPF_PROG_TEST_RUN in the interpreter: one packet in, return value and packet out, for the
 * program types whose contexts are defined here. The registry is the plug-in point for more types.
 */
import { type Engine, fastRunner } from '../jit';
import { type PreparedProgram, Vm, type VmOptions, type VmFault } from '../vm';
import { setupSkb } from './skb';
import { type PacketContext, setupXdp } from './xdp';

export type PacketProgramType = 'xdp' | 'socket_filter' | 'tc' | 'cgroup_skb';

/** How each program type builds its context around a packet. */
export const PACKET_PROGRAM_TYPES: Record<PacketProgramType, (vm: Vm, packet: Uint8Array) => PacketContext> = {
  xdp: (vm, packet) => setupXdp(vm, packet),
  socket_filter: (vm, packet) => setupSkb(vm, 'socket_filter', packet),
  tc: (vm, packet) => setupSkb(vm, 'tc', packet),
  cgroup_skb: (vm, packet) => setupSkb(vm, 'cgroup_skb', packet),
};

/** The program type libbpf infers from a SEC() name, for the types above. */
export function packetTypeOfSection(section: string): PacketProgramType | null {
  if (section === 'xdp' || section.startsWith('xdp/') || section.startsWith('xdp.')) return 'xdp';
  if (section === 'socket' || section.startsWith('socket/')) return 'socket_filter';
  if (section === 'tc' || section.startsWith('tc/') || section.startsWith('classifier') || section.startsWith('tcx/'))
    return 'tc';
  if (['cgroup_skb/ingress', 'cgroup_skb/egress', 'cgroup/skb'].includes(section)) return 'cgroup_skb';
  return null;
}

export type TestRunResult =
  | { readonly ok: true; readonly retval: bigint; readonly packetOut: Uint8Array; readonly steps: number }
  | { readonly ok: false; readonly fault: VmFault; readonly steps: number };

export interface PreparedRun {
  readonly vm: Vm;
  readonly context: PacketContext;
}

/** A VM with the packet and context in place, ready to execute (or to step). */
export function prepareRun(
  program: PreparedProgram,
  type: PacketProgramType,
  packet: Uint8Array,
  options: VmOptions = {},
): PreparedRun {
  const vm = new Vm(program, options);
  return { vm, context: PACKET_PROGRAM_TYPES[type](vm, packet) };
}

/** One test run on a fresh VM; `engine` 'jit' compiles the program (cached) and runs it as WebAssembly. */
export function testRun(
  program: PreparedProgram,
  type: PacketProgramType,
  packet: Uint8Array,
  options: VmOptions = {},
  engine: Engine = 'interpreter',
): TestRunResult {
  const { vm, context } = prepareRun(program, type, packet, options);
  const out = fastRunner(vm, engine).run();
  if (!out.ok) return out;
  // The kernel's test_run reports the 32-bit return value (the program's int).
  return { ok: true, retval: BigInt.asUintN(32, out.r0), packetOut: context.packetOut(), steps: out.steps };
}
