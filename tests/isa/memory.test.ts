/** Loads, stores, sign-extending loads, atomics, and the faults that bad accesses raise. */
import { describe, expect, it } from 'vitest';
import { insn } from '../../src/bpf/isa';
import { EXIT, fromSpec, load, MOV64_REG, result, spec, u64 } from './harness';

const bytes = (...b: number[]) => Uint8Array.from(b);
const MEM = bytes(0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x7f, 0, 0, 0, 0, 0, 0, 0);

describe('loads', () => {
  it.each([
    ['ldxb', 0, '0x81'],
    ['ldxh', 0, '0x8281'],
    ['ldxw', 0, '0x84838281'],
    ['ldxdw', 0, '0x8887868584838281'],
    ['ldxsb', 0, '0xffffffffffffff81'],
    ['ldxsh', 0, '0xffffffffffff8281'],
    ['ldxsw', 0, '0xffffffff84838281'],
    ['ldxsb', 8, '0x7f'],
    ['ldxsw', 8, '0x7f'],
  ])('%s [r1+%d] = %s', (m, off, expected) => {
    expect(result([fromSpec(spec(m), { dst: 0, src: 1, off }), EXIT], MEM)).toBe(expected);
  });
});

describe('stores', () => {
  it.each([
    ['stb', '0xffffffffffffff81'],
    ['sth', '0xffffffffffff8281'],
    ['stw', '0xffffffff84838281'],
    ['stdw', '0xffffffff84838281'],
  ])('%s of imm 0x84838281 over all-ones memory reads back as %s', (m, expected) => {
    const prog = [
      fromSpec(spec(m), { dst: 1, imm: 0x84838281 | 0 }),
      fromSpec(spec('ldxdw'), { dst: 0, src: 1 }),
      EXIT,
    ];
    // stb/sth/stw write the low bytes of imm; stdw sign-extends imm to 64 bits.
    expect(result(prog, new Uint8Array(8).fill(0xff))).toBe(expected);
  });
  it('stx writes the low bytes of a register', () => {
    const prog = [
      load(2, u64('0x1122334455667788')),
      fromSpec(spec('stxw'), { dst: 1, src: 2, off: 2 }),
      fromSpec(spec('ldxdw'), { dst: 0, src: 1 }),
      EXIT,
    ];
    expect(result(prog, new Uint8Array(8))).toBe('0x556677880000');
  });
});

describe('atomics', () => {
  // *(u64 *)(r1) starts as 0x1_00000003; r2 is the operand.
  const atomic = (m: string, operand: string, r0 = '0'): [string, string, string] => {
    const mem = new Uint8Array(8);
    new DataView(mem.buffer).setBigUint64(0, 0x1_00000003n, true);
    const read = (reg: number) => [insn(MOV64_REG, 0, reg), EXIT];
    const pre = [load(2, u64(operand)), load(0, u64(r0)), fromSpec(spec(m), { dst: 1, src: 2 })];
    return [
      result([...pre, fromSpec(spec('ldxdw'), { dst: 0, src: 1 }), EXIT], mem.slice()),
      result([...pre, ...read(2)], mem.slice()),
      result([...pre, EXIT], mem.slice()),
    ];
  };
  it.each([
    ['lock add', '0xffffffff', ['0x200000002', '0xffffffff']],
    ['lock fetch add', '0xffffffff', ['0x200000002', '0x100000003']],
    ['lock fetch add32', '0xffffffffffffffff', ['0x100000002', '0x3']], // 32-bit: old value zero-extended
    ['lock add32', '0xffffffff', ['0x100000002', '0xffffffff']],
    ['lock fetch or', '0x8', ['0x10000000b', '0x100000003']],
    ['lock fetch and32', '0xff00000001', ['0x100000001', '0x3']],
    ['lock fetch xor', '0x1', ['0x100000002', '0x100000003']],
    ['lock xchg', '0x7', ['0x7', '0x100000003']],
    ['lock xchg32', '0xaa00000007', ['0x100000007', '0x3']],
  ])('%s with %s: memory %j', (m, operand, [memAfter, srcAfter]) => {
    const [mem, src] = atomic(m, operand);
    expect(mem).toBe(memAfter);
    expect(src).toBe(srcAfter);
  });
  it('cmpxchg stores only on a match and always returns the old value in r0', () => {
    expect(atomic('lock cmpxchg', '0x9', '0x100000003')).toEqual(['0x9', '0x9', '0x100000003']);
    expect(atomic('lock cmpxchg', '0x9', '0x3')).toEqual(['0x100000003', '0x9', '0x100000003']);
    // 32-bit compares the low halves only and zero-extends the old value into r0.
    expect(atomic('lock cmpxchg32', '0x9', '0xff00000003')).toEqual(['0x100000009', '0x9', '0x3']);
    expect(atomic('lock cmpxchg32', '0x9', '0x4')).toEqual(['0x100000003', '0x9', '0x3']);
  });
});

describe('memory faults', () => {
  const ldx = (off: number, size = 'ldxdw', src = 1) => [fromSpec(spec(size), { dst: 0, src, off }), EXIT];
  it('names instruction, access, address and region for an out-of-bounds read', () => {
    expect(result(ldx(4), new Uint8Array(8))).toMatch(
      /^fault: insn 0 \(ldxdw\): read of 8 bytes at 0x[0-9a-f]+ is outside memory \(offset 4, size 8\)$/,
    );
  });
  it('faults on a read before a region', () => {
    expect(result(ldx(-1, 'ldxb'), new Uint8Array(8))).toMatch(
      /read of 1 byte at 0x[0-9a-f]+: no region \(1 byte below memory\)/,
    );
  });
  it('faults on a null pointer', () => {
    expect(result(ldx(0, 'ldxw', 3))).toBe('fault: insn 0 (ldxw): read of 4 bytes at 0x0: no region');
  });
  it('faults past the top of the stack and below its bottom', () => {
    expect(result([fromSpec(spec('stdw'), { dst: 10, off: 0 }), EXIT])).toMatch(
      /write of 8 bytes .* outside stack\[frame 0\] \(offset 512, size 512\)/,
    );
    expect(result([fromSpec(spec('stb'), { dst: 10, off: -513 }), EXIT])).toMatch(
      /no region \(1 byte below stack\[frame 0\]\)/,
    );
    expect(result([fromSpec(spec('stb'), { dst: 10, off: -512 }), insn(0xb7, 0, 0, 0, 0), EXIT])).toBe('0x0');
  });
  it('faults on a store through a code pointer (lddw of a function)', () => {
    // A code address is in no data region, so writing through it must fault.
    const code = insn(0x18, 1, 4, 0, 1);
    expect(result([code, fromSpec(spec('stb'), { dst: 1 }), EXIT])).toMatch(
      /^fault: insn 2 \(stb\): write of 1 byte at 0x[0-9a-f]+: no region/,
    );
  });
});
