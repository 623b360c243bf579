/** The per-step trace hook and step-back, on the same interpreter that runs programs. */
import { describe, expect, it } from 'vitest';
import { encodeProgram, insn } from '../isa';
import { Vm } from './machine';
import { prepareProgram } from './prepare';
import { runToExit } from './run';
import { restore, runTraced, snapshot, step, type TraceStep } from './trace';

const program = [
  insn(0xb7, 1, 0, 0, 0x11), // 0: r1 = 0x11
  insn(0x73, 10, 1, -2), // 1: *(u8 *)(r10 - 2) = r1
  insn(0x85, 0, 1, 0, 2), // 2: call local +2 (slot 5)
  insn(0x07, 0, 0, 0, 1), // 3: r0 += 1
  insn(0x95), // 4: exit
  insn(0xb7, 0, 0, 0, 40), // 5: r0 = 40
  insn(0x7a, 10, 0, -8, -1), // 6: *(u64 *)(r10 - 8) = -1, in the callee's frame
  insn(0x95), // 7: exit
];
const newVm = () => new Vm(prepareProgram(encodeProgram(program)));

describe('trace hook', () => {
  it('reports pc, changed registers and stack bytes for each step', () => {
    const steps: TraceStep[] = [];
    const vm = newVm();
    runTraced(vm, (s) => void steps.push(s));
    expect(steps.map((s) => s.pc)).toEqual([0, 1, 2, 5, 6, 7, 3, 4]);
    expect(steps[0]).toMatchObject({ changedRegs: [1], stackChanges: [] });
    expect(steps[0]!.after[1]).toBe(0x11n);
    expect(steps[1]!.stackChanges).toEqual([{ frame: 0, offset: -2, before: 0, after: 0x11 }]);
    expect(steps[2]).toMatchObject({ depthBefore: 0, depthAfter: 1, changedRegs: [10] });
    expect(steps[4]!.stackChanges).toHaveLength(8);
    expect(steps[4]!.stackChanges.every((c) => c.frame === 1 && c.after === 0xff)).toBe(true);
    expect(steps[5]).toMatchObject({ depthBefore: 1, depthAfter: 0, changedRegs: [10], nextPc: 3 });
    expect(steps[7]).toMatchObject({ pc: 4, nextPc: null, changedRegs: [] });
    expect(vm.r0).toBe(41n);
  });

  it('gives the same result stepping as running straight through', () => {
    const straight = newVm();
    runToExit(straight);
    const stepped = newVm();
    while (stepped.status !== 'exited') step(stepped);
    expect(stepped.regs).toEqual(straight.regs);
    expect(stepped.steps).toBe(straight.steps);
  });

  it('pauses when the callback returns false and resumes where it stopped', () => {
    const vm = newVm();
    expect(runTraced(vm, (s) => s.pc !== 5)).toBe(4);
    expect(vm.pc).toBe(6);
    expect(runToExit(vm)).toMatchObject({ ok: true, r0: 41n });
  });

  it('steps back by restoring a snapshot, including stack bytes and call depth', () => {
    const vm = newVm();
    const history = [snapshot(vm)];
    for (let i = 0; i < 5; i++) {
      step(vm);
      history.push(snapshot(vm));
    }
    const fifth = vm.regs.slice();
    restore(vm, history[2]!); // before the call
    expect(vm.pc).toBe(2);
    expect(vm.depth).toBe(0);
    step(vm);
    step(vm);
    step(vm);
    expect(vm.regs).toEqual(fifth);
    expect(vm.mem.bytes[vm.stackIds[1]!]!.slice(504)).toEqual(new Uint8Array(8).fill(0xff));
  });

  it('steps back across a tail call into the program that made it', () => {
    const target = prepareProgram(encodeProgram([insn(0xb7, 0, 0, 0, 7), insn(0x95)]));
    const entry = prepareProgram(encodeProgram([insn(0x85, 0, 0, 0, 12), insn(0xb7, 0, 0, 0, 99), insn(0x95)]));
    let vm: Vm | null = null;
    vm = new Vm(entry, { helpers: () => () => ((vm!.tailCallTarget = target), 0n) });
    const before = snapshot(vm);
    step(vm); // the tail call: now at slot 0 of the target
    expect(vm.program).toBe(target);
    expect(vm.tailCalls).toBe(1);
    restore(vm, before);
    expect(vm.program).toBe(entry);
    expect(vm.tailCalls).toBe(0);
    expect(runToExit(vm)).toMatchObject({ ok: true, r0: 7n });
  });
});
