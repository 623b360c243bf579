/**
 * Runs one program on the interpreter and on the JIT from identical starting states and reports
 * everything a caller could observe: r0 or the fault message, steps, registers, call depth and the
 * bytes of every writable region. The JIT's copy of the memory argument lives in its linear memory
 * (the fast path); `slowMemory` keeps it in a plain array instead (the interpreter-step path).
 */
import { CONFORMANCE_UNWIND_HELPER, type PreparedProgram, runToExit, Vm, type VmOptions } from '../../src/bpf/vm';
import { fastRunner } from '../../src/bpf/jit';

export interface Observed {
  readonly result: string;
  readonly steps: number;
  readonly regs: readonly number[];
  readonly depth: number;
  readonly memory: string;
  readonly stack: string;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

const unwind = (_env: unknown, r1: bigint): bigint => r1;

function observe(vm: Vm, out: ReturnType<typeof runToExit>, memoryId: number | null): Observed {
  return {
    result: out.ok ? `r0=0x${out.r0.toString(16)}` : `fault: ${out.fault.message}`,
    steps: out.steps,
    regs: Array.from(vm.regs),
    depth: vm.depth,
    memory: memoryId === null ? '' : hex(vm.mem.bytes[memoryId]!),
    stack: vm.stackIds.map((id) => hex(vm.mem.bytes[id]!)).join('|'),
  };
}

export interface EngineRun {
  readonly engine: 'jit' | 'interpreter';
  readonly reason: string | null;
  readonly observed: Observed;
}

/** The conformance convention: r1 = memory (if any), r2 = its length; helper 5 is uBPF's unwind. */
export function runEngine(
  program: PreparedProgram,
  memory: Uint8Array,
  engine: 'jit' | 'interpreter',
  options: VmOptions & { slowMemory?: boolean } = {},
): EngineRun {
  const vm = new Vm(program, {
    helpers: (id) => (id === CONFORMANCE_UNWIND_HELPER ? unwind : undefined),
    unwindHelperId: CONFORMANCE_UNWIND_HELPER,
    ...options,
  });
  const runner = fastRunner(vm, engine);
  let memoryId: number | null = null;
  if (memory.length > 0) {
    const frame = runner.machine?.packetFrame();
    const inLinear = frame !== undefined && !options.slowMemory && memory.length <= frame.length;
    const bytes = inLinear ? frame.subarray(0, memory.length) : new Uint8Array(memory.length);
    bytes.set(memory);
    const base = vm.mem.map('mem', 'memory', bytes, true);
    memoryId = vm.mem.idOf(base);
    vm.setReg(1, base);
    // LD_ABS/LD_IND read the memory as a socket buffer whose skb->data is 14 bytes in.
    vm.legacyPacketId = memoryId!;
    vm.legacyDataOffset = 14;
    vm.legacyNetworkOffset = 14;
  }
  vm.setReg(2, BigInt(memory.length));
  const out = runner.run();
  return { engine: runner.info.engine, reason: runner.info.reason, observed: observe(vm, out, memoryId) };
}
