/** The bpf_conformance / uBPF assembler: encodings written out from RFC 9669, and its errors. */
import { describe, expect, it } from 'vitest';
import { AsmError, assembleUbpf } from '../../src/bpf/asm';

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

/** [source, expected bytes]: opcode, regs (src<<4|dst), off (LE16), imm (LE32). */
const ENCODINGS: [string, string][] = [
  ['mov32 %r0, 1', 'b4 00 00 00 01 00 00 00'],
  ['mov %r1, 0xffffffff', 'b7 01 00 00 ff ff ff ff'],
  ['mov32 %r0, -1', 'b4 00 00 00 ff ff ff ff'],
  ['add64 %r3, %r4', '0f 43 00 00 00 00 00 00'],
  ['sdiv32 %r0, 3', '34 00 01 00 03 00 00 00'],
  ['smod %r1, %r2', '9f 21 01 00 00 00 00 00'],
  ['neg32 %r0', '84 00 00 00 00 00 00 00'],
  ['le16 %r0', 'd4 00 00 00 10 00 00 00'],
  ['be64 %r3', 'dc 03 00 00 40 00 00 00'],
  ['swap16 %r0', 'd7 00 00 00 10 00 00 00'],
  ['bswap32 %r0', 'd7 00 00 00 20 00 00 00'],
  ['movsx864 %r0, %r1', 'bf 10 08 00 00 00 00 00'],
  ['movsx1632 %r2, %r3', 'bc 32 10 00 00 00 00 00'],
  ['ldxdw %r1, [%r10-8]', '79 a1 f8 ff 00 00 00 00'],
  ['ldxb %r0, [%r1]', '71 10 00 00 00 00 00 00'],
  ['ldxsh %r0, [%r1+0x10]', '89 10 10 00 00 00 00 00'],
  ['stxdw [%r10-8], %r0', '7b 0a f8 ff 00 00 00 00'],
  ['stb [%r10-1], 0x80', '72 0a ff ff 80 00 00 00'],
  ['lock add [%r10-8], %r1', 'db 1a f8 ff 00 00 00 00'],
  ['lock fetch add [%r10-8], %r1', 'db 1a f8 ff 01 00 00 00'],
  ['lock and32 [%r10-4], %r1', 'c3 1a fc ff 50 00 00 00'],
  ['lock xchg [%r10-8], %r1', 'db 1a f8 ff e1 00 00 00'],
  ['lock cmpxchg32 [%r10-8], %r1', 'c3 1a f8 ff f1 00 00 00'],
  ['lddw %r0, 0x8877665544332211', '18 00 00 00 11 22 33 44 00 00 00 00 55 66 77 88'],
  ['lddw %r1, -1', '18 01 00 00 ff ff ff ff 00 00 00 00 ff ff ff ff'],
  ['lddw %r1, map_fd 5', '18 11 00 00 05 00 00 00 00 00 00 00 00 00 00 00'],
  ['call 5', '85 00 00 00 05 00 00 00'],
  ['call helper 5', '85 00 00 00 05 00 00 00'],
  ['call %r2', '8d 02 00 00 00 00 00 00'],
  ['call runtime 7', '85 20 00 00 07 00 00 00'],
  ['jne %r0, 15, +2', '55 00 02 00 0f 00 00 00'],
  ['jsle32 %r1, %r2, -1', 'de 21 ff ff 00 00 00 00'],
  ['ja +0', '05 00 00 00 00 00 00 00'],
  ['ja32 -3', '06 00 00 00 fd ff ff ff'],
  ['ldabsh 12', '28 00 00 00 0c 00 00 00'],
  ['ldindb %r1, 4', '50 10 00 00 04 00 00 00'],
  ['exit', '95 00 00 00 00 00 00 00'],
];

describe('assembleUbpf encodings', () => {
  it.each(ENCODINGS)('%s', (source, bytes) => {
    expect(hex(assembleUbpf(source))).toBe(bytes);
  });

  it('resolves labels forwards and backwards, for jumps, ja32 and local calls', () => {
    const bytes = assembleUbpf(`
      # comment line
      L1: mov %r0, 1   # trailing comment
      jeq %r0, 1, L2
      ja L1
      L2:
      ja32 L1
      call local func1
      exit
      func1:
      exit`);
    const words = hex(bytes).split(' ');
    const slot = (n: number): string => words.slice(n * 8, n * 8 + 8).join(' ');
    expect(slot(1)).toBe('15 00 01 00 01 00 00 00'); // L2 is 1 past the next insn
    expect(slot(2)).toBe('05 00 fd ff 00 00 00 00'); // back to 0: 0 - 3
    expect(slot(3)).toBe('06 00 00 00 fc ff ff ff');
    expect(slot(4)).toBe('85 10 00 00 01 00 00 00');
  });

  it('lets jumps name `exit` without defining it, meaning the first exit', () => {
    const bytes = assembleUbpf('jne %r0, 2, exit\nmov %r0, 1\nexit\nexit');
    expect(hex(bytes).slice(0, 23)).toBe('55 00 01 00 02 00 00 00');
  });
});

/** What the negative conformance files (and a few more) must be rejected with. */
const REJECTIONS: [string, number, RegExp][] = [
  ['ldxq %r0, %r1\nexit', 1, /invalid mnemonic 'ldxq'/],
  ['lddw %r0\nexit', 1, /invalid number of operands for 'lddw': expected 2/],
  ['or %r0, %r50', 1, /invalid register '%r50'/],
  ['mov %r11, 1', 1, /invalid register '%r11'/],
  ['exit\nldxb %r0, [%r1+0x10000]', 2, /offset 65536 is out of 16-bit range/],
  ['ldxb %r0, %r1', 1, /expected a memory operand/],
  ['mov32 %r0, 2147483648', 1, /2147483648 is out of 32-bit range/],
  ['mov32 %r0, 0xffffffff\nmov32 %r0, 0x100000000', 2, /4294967296 is out of 32-bit range/],
  ['stw [%r1+40000], 1', 1, /offset 40000 is out of 16-bit range/],
  ['ja NOT_A_LABEL\nexit', 1, /unknown label 'NOT_A_LABEL'/],
  ['lock or [%r10-8]', 1, /invalid number of operands for 'lock or'/],
  ['lock', 1, /incomplete 'lock'/],
  ['lock fetch [%r10-8], %r1', 1, /incomplete 'lock fetch/],
  ['-- Unknown directive', 1, /invalid mnemonic '--'/],
  ['L: exit\nL: exit', 2, /label 'L' is already defined on line 1/],
  ['# nothing here', 1, /no instructions/],
  ['jeq %r0, 1', 1, /expected 3 operand\(s\)/],
  ['add %r0, foo', 1, /expected a number for immediate, found 'foo'/],
];

describe('assembleUbpf rejections', () => {
  it.each(REJECTIONS)('%j', (source, line, message) => {
    let error: unknown;
    try {
      assembleUbpf(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AsmError);
    expect((error as AsmError).line).toBe(line);
    expect((error as AsmError).message).toMatch(message);
    expect((error as AsmError).message).toMatch(new RegExp(`^line ${line}: `));
  });
});
