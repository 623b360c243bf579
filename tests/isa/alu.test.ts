/**
 * ALU and ALU32 semantics from RFC 9669 section 4.1, table-driven at the edges: INT_MIN / -1,
 * division and modulo by zero, shifts by at least the width, sign-extension boundaries and the
 * zero-extension of every 32-bit result.
 */
import { describe, expect, it } from 'vitest';
import { fromSpec, load, MOV64_REG, EXIT, result, spec, u64 } from './harness';
import { insn } from '../../src/bpf/isa';

const MIN64 = '0x8000000000000000';
const MAX64 = '0x7fffffffffffffff';
const ALL = '0xffffffffffffffff';
// dst starts with a high half set where a 32-bit op must clear it.
const HI = '0xdeadbeef00000000';

/** [mnemonic, dst, operand, expected r0]; the operand is used both as imm (when it fits) and as a register. */
type Row = [string, string, string, string];

const ROWS: Row[] = [
  ['add', ALL, '1', '0x0'],
  ['add', MAX64, '1', MIN64],
  ['add', '0xffffffff', '1', '0x100000000'],
  ['add', '0', '-1', ALL],
  ['sub', '0x100000000', '1', '0xffffffff'],
  ['sub', '0', '1', ALL],
  ['sub', MIN64, '1', MAX64],
  ['mul', ALL, '-1', '0x1'],
  ['mul', MIN64, '-1', MIN64],
  ['mul', '0x100000000', '0x10', '0x1000000000'],
  ['mul', '0x123456789', '0x7654321', '0x86a1c974e1833a9'],
  ['mul', '0xffffffff', '0xffffffff', '0xfffffffe00000001'],
  ['div', '100', '7', '0xe'],
  ['div', '100', '0', '0x0'],
  ['div', ALL, '2', MAX64],
  ['div', '10', '-1', '0x0'], // -1 is 2^64-1 unsigned
  ['div', ALL, '-1', '0x1'],
  ['sdiv', '-7', '2', '0xfffffffffffffffd'],
  ['sdiv', '7', '-2', '0xfffffffffffffffd'],
  ['sdiv', MIN64, '-1', MIN64],
  ['sdiv', '-1', '0', '0x0'],
  ['sdiv', MIN64, '2', '0xc000000000000000'],
  ['mod', '100', '7', '0x2'],
  ['mod', '100', '0', '0x64'],
  ['mod', ALL, '10', '0x5'],
  ['smod', '-7', '2', ALL],
  ['smod', '7', '-2', '0x1'],
  ['smod', MIN64, '-1', '0x0'],
  ['smod', '-5', '0', '0xfffffffffffffffb'],
  ['smod', MIN64, '3', '0xfffffffffffffffe'],
  ['or', '0xf0f0000000000000', '0x0f', '0xf0f000000000000f'],
  ['or', '0', '-2', '0xfffffffffffffffe'],
  ['and', ALL, '0x7fffffff', '0x7fffffff'],
  ['and', ALL, '-1', ALL],
  ['xor', ALL, '-1', '0x0'],
  ['lsh', '1', '63', MIN64],
  ['lsh', '1', '64', '0x1'], // the count is masked to 6 bits
  ['lsh', '0x80000001', '1', '0x100000002'],
  ['lsh', '0xff', '36', '0xff000000000'],
  ['rsh', MIN64, '63', '0x1'],
  ['rsh', ALL, '32', '0xffffffff'],
  ['rsh', ALL, '65', MAX64],
  ['rsh', '0x100000000', '1', '0x80000000'],
  ['arsh', MIN64, '63', ALL],
  ['arsh', MIN64, '4', '0xf800000000000000'],
  ['arsh', '0x8000000000000001', '32', '0xffffffff80000000'],
  ['arsh', MAX64, '62', '0x1'],
  ['mov', HI, '-1', ALL],
  // ---- ALU32: only the low halves take part; the result is zero-extended ----
  ['add32', HI, '1', '0x1'],
  ['add32', '0xffffffff', '1', '0x0'],
  ['sub32', '0', '1', '0xffffffff'],
  ['mul32', '0x80000000', '-1', '0x80000000'],
  ['mul32', '0x10000', '0x10000', '0x0'],
  ['div32', '0x1ffffffff', '2', '0x7fffffff'],
  ['div32', HI, '0', '0x0'],
  ['div32', '0xffffffff', '-1', '0x1'],
  ['sdiv32', '0x80000000', '-1', '0x80000000'],
  ['sdiv32', '0xfffffff9', '2', '0xfffffffd'],
  ['sdiv32', '0x1fffffff9', '0', '0x0'],
  ['mod32', '0xdeadbeef0000000b', '0', '0xb'], // x % 0 = x, but still zero-extended
  ['mod32', '0x100000007', '4', '0x3'],
  ['smod32', '0x80000000', '-1', '0x0'],
  ['smod32', '0xfffffff9', '2', '0xffffffff'],
  ['smod32', '0xdeadbeeffffffff9', '0', '0xfffffff9'],
  ['or32', HI, '1', '0x1'],
  ['and32', ALL, '0xff', '0xff'],
  ['xor32', ALL, '0', '0xffffffff'],
  ['lsh32', '1', '31', '0x80000000'],
  ['lsh32', '1', '32', '0x1'], // masked to 5 bits
  ['lsh32', '0x80000000', '1', '0x0'],
  ['rsh32', ALL, '4', '0xfffffff'],
  ['rsh32', ALL, '36', '0xfffffff'],
  ['arsh32', '0x80000000', '4', '0xf8000000'],
  ['arsh32', '0xffffffff7fffffff', '31', '0x0'],
  ['arsh32', '0x80000000', '63', '0xffffffff'], // 63 & 31 = 31
  ['mov32', HI, '-1', '0xffffffff'],
];

/** Programs: r1 = dst, r2 = operand; op r1, r2|imm; r0 = r1. */
function program(mnemonic: string, reg: boolean, dst: string, operand: string) {
  const s = spec(mnemonic, reg);
  const op = fromSpec(s, { dst: 1, src: reg ? 2 : 0, imm: reg ? 0 : Number(BigInt(operand)) });
  return [load(1, u64(dst)), load(2, u64(operand)), op, insn(MOV64_REG, 0, 1), EXIT];
}

const fitsImm = (v: string): boolean => BigInt(v) >= -(2n ** 31n) && BigInt(v) < 2n ** 31n;

describe('ALU semantics (RFC 9669 4.1)', () => {
  for (const [m, dst, operand, expected] of ROWS) {
    it(`${m} ${dst}, ${operand} = ${expected} (register)`, () => {
      expect(result(program(m, true, dst, operand))).toBe(expected);
    });
    if (fitsImm(operand)) {
      it(`${m} ${dst}, ${operand} = ${expected} (immediate)`, () => {
        expect(result(program(m, false, dst, operand))).toBe(expected);
      });
    }
  }
});

describe('unary, sign-extending moves and byte swaps', () => {
  const unary = (m: string, dst: string, reg = false, src = dst) => {
    const s = spec(m, reg);
    return result([
      load(1, u64(dst)),
      load(2, u64(src)),
      fromSpec(s, { dst: 1, src: reg ? 2 : 0 }),
      insn(MOV64_REG, 0, 1),
      EXIT,
    ]);
  };
  it.each([
    ['neg', '1', ALL],
    ['neg', MIN64, MIN64],
    ['neg', '0', '0x0'],
    ['neg', '0x100000000', '0xffffffff00000000'],
    ['neg32', '0x80000000', '0x80000000'],
    ['neg32', HI, '0x0'],
    ['neg32', '0xffffffff00000001', '0xffffffff'],
  ])('%s %s = %s', (m, dst, expected) => expect(unary(m, dst)).toBe(expected));

  it.each([
    ['movsx864', '0x7f', '0x7f'],
    ['movsx864', '0x80', '0xffffffffffffff80'],
    ['movsx864', '0xffffffffffffff01', '0x1'],
    ['movsx1664', '0x8000', '0xffffffffffff8000'],
    ['movsx1664', '0x17fff', '0x7fff'],
    ['movsx3264', '0x80000000', '0xffffffff80000000'],
    ['movsx3264', '0xffffffff7fffffff', '0x7fffffff'],
    ['movsx832', '0x80', '0xffffff80'],
    ['movsx832', '0x17f', '0x7f'],
    ['movsx1632', '0xdeadbeef00008000', '0xffff8000'],
  ])('%s %s = %s', (m, src, expected) => expect(unary(m, HI, true, src)).toBe(expected));

  it.each([
    ['be16', '0x1122334455667788', '0x8877'],
    ['be32', '0x1122334455667788', '0x88776655'],
    ['be64', '0x1122334455667788', '0x8877665544332211'],
    ['le16', '0x1122334455667788', '0x7788'],
    ['le32', '0x1122334455667788', '0x55667788'],
    ['le64', '0x1122334455667788', '0x1122334455667788'],
    ['bswap16', '0x1122334455667788', '0x8877'],
    ['bswap32', '0x1122334455667788', '0x88776655'],
    ['bswap64', '0x1122334455667788', '0x8877665544332211'],
    ['bswap64', '0x80', '0x8000000000000000'],
  ])('%s %s = %s', (m, dst, expected) => expect(unary(m, dst)).toBe(expected));
});
