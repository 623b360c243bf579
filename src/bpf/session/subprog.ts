/**
 * Calling a BPF function from a helper (bpf_loop and other callback helpers): the callback runs in a
 * second VM that shares the address space, helpers and environment, so it sees the same maps,
 * packet and caller stack pointers, and gets stack frames of its own.
 */
import type { SubprogCaller } from '../helpers';
import { pcOfFuncAddress, type PreparedProgram, runToExit, Vm, type VmOptions, VmFault } from '../vm';

export function subprogCaller(program: PreparedProgram, options: VmOptions): SubprogCaller {
  // One VM per nesting level, made on first use (a callback may itself call bpf_loop).
  const nested: Vm[] = [];
  let depth = 0;
  return {
    call(target, args) {
      const pc = pcOfFuncAddress(target);
      if (pc === null || pc >= program.slots)
        throw new VmFault(`callback address 0x${target.toString(16)} is not a function`);
      const vm = (nested[depth] ??= new Vm(program, options));
      depth++;
      try {
        vm.reset(pc);
        args.forEach((value, i) => vm.setReg(i + 1, value));
        const out = runToExit(vm);
        if (!out.ok) throw out.fault;
        return out.r0;
      } finally {
        depth--;
      }
    },
  };
}
