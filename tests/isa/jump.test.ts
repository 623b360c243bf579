/** Conditional jumps (RFC 9669 4.3): signed vs unsigned boundaries, and JMP32 seeing only low halves. */
import { describe, expect, it } from 'vitest';
import { insn } from '../../src/bpf/isa';
import { EXIT, fromSpec, load, result, spec, u64 } from './harness';

const MOV_IMM = 0xb7;

/** r0 = 1 when `if r1 <op> r2|imm goto` is taken, else 0. */
function taken(m: string, a: string, b: string, reg: boolean): string {
  const s = spec(m, reg);
  const jump = fromSpec(s, { dst: 1, src: reg ? 2 : 0, off: 2, imm: reg ? 0 : Number(BigInt(b)) });
  return result([
    load(1, u64(a)),
    load(2, u64(b)),
    jump,
    insn(MOV_IMM, 0, 0, 0, 0),
    EXIT,
    insn(MOV_IMM, 0, 0, 0, 1),
    EXIT,
  ]);
}

/** [mnemonic, a, b, taken?] */
const ROWS: [string, string, string, boolean][] = [
  ['jeq', '-1', '-1', true],
  ['jeq', '0xffffffff', '-1', false], // imm -1 is sign-extended to 64 bits
  ['jne', '0x100000000', '0', true],
  ['jgt', '-1', '0', true],
  ['jgt', '0', '0', false],
  ['jge', '5', '5', true],
  ['jlt', '0', '-1', true],
  ['jle', '0x8000000000000000', '0x7fffffff', false],
  ['jsgt', '-1', '0', false],
  ['jsgt', '0', '-1', true],
  ['jsge', '-5', '-5', true],
  ['jslt', '0x8000000000000000', '0', true],
  ['jsle', '0x7fffffffffffffff', '-1', false],
  ['jset', '0x100000000', '1', false],
  ['jset', '0x100000001', '1', true],
  ['jset', '0x8000000000000000', '-2147483648', true], // imm sign-extends into the high half
  // ---- JMP32: the high halves are ignored ----
  ['jeq32', '0x1200000000', '0', true],
  ['jne32', '0xffffffff00000007', '7', false],
  ['jgt32', '0x80000000', '0x7fffffff', true],
  ['jsgt32', '0x80000000', '0x7fffffff', false],
  ['jsgt32', '0x7fffffff', '-1', true],
  ['jge32', '0x1ffffffff', '-1', true],
  ['jlt32', '0x100000000', '1', true],
  ['jle32', '0xffffffff', '0', false],
  ['jslt32', '0xffffffff', '0', true],
  ['jsle32', '0x100000000', '0', true],
  ['jsge32', '0xffffffff', '0', false],
  ['jset32', '0xff00000000', '0xff', false],
];

describe('conditional jumps', () => {
  for (const [m, a, b, expected] of ROWS) {
    for (const reg of [true, false]) {
      it(`${m} ${a}, ${b} ${expected ? 'jumps' : 'falls through'} (${reg ? 'register' : 'immediate'})`, () => {
        expect(taken(m, a, b, reg)).toBe(expected ? '0x1' : '0x0');
      });
    }
  }

  it('ja and gotol move by off and imm respectively, including backwards', () => {
    const ja = fromSpec(spec('ja'), { off: 1 });
    expect(result([insn(MOV_IMM, 0, 0, 0, 1), ja, insn(MOV_IMM, 0, 0, 0, 2), EXIT])).toBe('0x1');
    const gotolFwd = fromSpec(spec('ja32'), { imm: 2 });
    const gotolBack = fromSpec(spec('ja32'), { imm: -3 });
    // 0: gotol +2 -> 3; 1: mov r0,9; 2: exit; 3: mov r0,4; 4: gotol -3 -> 2
    expect(result([gotolFwd, insn(MOV_IMM, 0, 0, 0, 9), EXIT, insn(MOV_IMM, 0, 0, 0, 4), gotolBack])).toBe('0x4');
  });
});
