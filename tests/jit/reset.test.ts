/** The JIT machine's reset (in WebAssembly) leaves exactly the state Vm.reset() leaves. */
import { describe, expect, it } from 'vitest';
import { fastRunner } from '../../src/bpf/jit';
import { encodeProgram, insn } from '../../src/bpf/isa';
import { prepareProgram, Vm } from '../../src/bpf/vm';

/** Writes every register and all of frame 0's stack, calls a subprogram (frame 1), then exits. */
const program = prepareProgram(
  encodeProgram([
    ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((r) => insn(0xb7, r, 0, 0, -1 - r)),
    ...Array.from({ length: 64 }, (_, i) => insn(0x7a, 10, 0, -8 * (i + 1), 0x55)),
    insn(0x85, 0, 1, 0, 1),
    insn(0x95),
    insn(0x7a, 10, 0, -8, 7),
    insn(0x95),
  ]),
);

function state(vm: Vm) {
  return {
    regs: Array.from(vm.regs),
    stacks: vm.stackIds.map((id) => Array.from(vm.mem.bytes[id]!)),
    pc: vm.pc,
    depth: vm.depth,
    steps: vm.steps,
    status: vm.status,
    tailCallTarget: vm.tailCallTarget,
    tailCalls: vm.tailCalls,
  };
}

describe('JIT machine reset', () => {
  it('matches Vm.reset after a run that dirtied registers and stacks', () => {
    const [viaVm, viaMachine] = [0, 1].map((which) => {
      const vm = new Vm(program);
      const runner = fastRunner(vm, 'jit');
      expect(runner.info.engine).toBe('jit');
      expect(runner.run().ok).toBe(true);
      vm.tailCalls = 3;
      if (which === 0) vm.reset(2);
      else runner.reset(2);
      return state(vm);
    });
    expect(viaMachine).toEqual(viaVm);
    expect(viaMachine!.stacks[1]!.some((b) => b !== 0)).toBe(true); // deeper frames keep their bytes, as in Vm.reset
  });
});
