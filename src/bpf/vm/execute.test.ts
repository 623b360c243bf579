/**
 * Every row of THE instruction table is executed by the interpreter: each row runs in a small
 * program, the trace shows it executed, and nothing reaches the "not implemented" default case.
 * (Per-instruction semantics are tested in tests/isa.)
 */
import { describe, expect, it } from 'vitest';
import { encodeProgram, insn, type Insn, INSTRUCTION_TABLE, type InsnSpec } from '../isa';
import { conformanceVm } from './run';
import { runTraced } from './trace';

const MOV_IMM = 0xb7;
const EXIT = insn(0x95);

/** r1 = 16 bytes of memory (conformance convention), r2 = 5 (the unwind helper id), r3 = 7, r4 = 3. */
const PRELUDE = [insn(MOV_IMM, 2, 0, 0, 5), insn(MOV_IMM, 3, 0, 0, 7), insn(MOV_IMM, 4, 0, 0, 3)];

function instructionFor(s: InsnSpec): Insn[] {
  const i = insn(s.opcode);
  const set = (f: Partial<Insn>) => Object.assign(i, f);
  switch (s.shape) {
    case 'alu':
      set(s.usesSrcReg ? { dst: 3, src: 4 } : { dst: 3, imm: 3 });
      break;
    case 'neg':
    case 'endian':
      set({ dst: 3 });
      break;
    case 'movsx':
      set({ dst: 3, src: 4 });
      break;
    case 'ldx':
      set({ dst: 3, src: 1 });
      break;
    case 'st':
      set({ dst: 1, imm: 1 });
      break;
    case 'stx':
    case 'atomic':
      set({ dst: 1, src: 4 });
      break;
    case 'jump':
      set(s.usesSrcReg ? { dst: 3, src: 4 } : { dst: 3, imm: 3 });
      break;
    case 'call':
      set({ imm: 5 });
      break;
    case 'call-local':
      // call +1 skips the exit below it and lands on a second exit, which returns to it.
      set({ imm: 1 });
      break;
    case 'call-kfunc':
      set({ imm: 1 });
      break;
    case 'callx':
      set({ dst: 2 });
      break;
    case 'lddw':
      set({ dst: 3, imm: 1, immHi: 2 });
      break;
    case 'ld-ind':
      set({ src: 4 });
      break;
    case 'ja':
    case 'gotol':
    case 'exit':
    case 'ld-abs':
      break;
  }
  if (s.discriminator) i[s.discriminator.field] = s.discriminator.value;
  return s.shape === 'call-local' ? [i, EXIT, EXIT] : [i, EXIT];
}

describe('interpreter coverage of the instruction table', () => {
  it.each(INSTRUCTION_TABLE.map((s) => [`${s.mnemonic} (0x${s.opcode.toString(16)}, ${s.shape})`, s] as const))(
    '%s',
    (_name, s) => {
      const vm = conformanceVm(encodeProgram([...PRELUDE, ...instructionFor(s)]), new Uint8Array(16));
      vm.legacyPacketId = vm.mem.idOf(vm.reg(1))!; // LD_ABS/LD_IND read the same memory
      const executed: number[] = [];
      const run = () => runTraced(vm, (step) => void executed.push(step.pc));
      if (s.shape === 'call-kfunc') {
        expect(run).toThrow(/kfunc calls .* not supported/);
        return;
      }
      run();
      expect(vm.status).toBe('exited');
      expect(executed).toContain(PRELUDE.length);
    },
  );
});
