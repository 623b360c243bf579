import { describe, expect, it } from 'vitest';
import { assemble, detectSyntax } from './assemble';
import { AsmError } from './errors';
import { assembleLlvm } from './llvm-assemble';
import { assembleUbpf } from './ubpf-assemble';

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

describe('assembleLlvm', () => {
  it('reads llvm-mc style input: decimal numbers, loose spacing, labels, comments', () => {
    const bytes = assembleLlvm(`
      r0=*(u32*)(r1+4)      // load
    loop:
      w0 += -1               # decrement
      if w0 s> 0 goto loop
      exit`);
    expect(hex(bytes)).toBe(
      '61 10 04 00 00 00 00 00 04 00 00 00 ff ff ff ff 66 00 fe ff 00 00 00 00 95 00 00 00 00 00 00 00',
    );
  });

  it('reads an objdump listing with addresses, raw bytes, headers, suffixes and relocations', () => {
    const listing = [
      'x.o:\tfile format elf64-bpf',
      '',
      'Disassembly of section xdp:',
      '',
      '0000000000000000 <prog>:',
      '       0:\t18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00\tr1 = 0x0 ll',
      '\t\t0000000000000000:  R_BPF_64_64\tcounters',
      '       2:\t05 00 00 00 00 00 00 00\tgoto +0x0 <prog+0x18>',
      '       3:\t95 00 00 00 00 00 00 00\texit',
    ].join('\n');
    expect(hex(assembleLlvm(listing))).toBe(
      '18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 05 00 00 00 00 00 00 00 95 00 00 00 00 00 00 00',
    );
  });

  it('names the line of an unreadable instruction', () => {
    expect(() => assembleLlvm('exit\nr0 = frobnicate r1')).toThrow(/^line 2: not an instruction in llvm syntax/);
    expect(() => assembleLlvm('r11 = 1')).toThrow(/^line 1: invalid register r11/);
    expect(() => assembleLlvm('*(u8 *)(r1 + 0x8000) = 1')).toThrow(/^line 1: offset 32768 is out of 16-bit range/);
    expect(() => assembleLlvm('goto nowhere')).toThrow(AsmError);
    expect(() => assembleLlvm('<unknown>')).toThrow(/could not decode/);
  });
});

describe('assemble', () => {
  it.each([
    ['mov32 %r0, 1\nexit', 'ubpf'],
    ['r0 = 1\nexit', 'llvm'],
    ['exit', 'ubpf'],
    ['  0:\tb7 00 00 00 01 00 00 00\tr0 = 0x1', 'llvm'],
    ['ja +0\nexit', 'ubpf'],
    ['goto +0\nexit', 'llvm'],
  ] as const)('detects the syntax of %j as %s', (text, syntax) => {
    expect(detectSyntax(text)).toBe(syntax);
  });

  it('gives the same bytes for the same program in either syntax', () => {
    const ubpf = 'mov %r0, 7\nlsh32 %r0, 2\njeq %r0, 28, +1\nmov %r0, 0\nexit';
    const llvm = 'r0 = 7\nw0 <<= 2\nif r0 == 28 goto +1\nr0 = 0\nexit';
    expect(assemble(llvm)).toEqual(assembleUbpf(ubpf));
    expect(assemble(ubpf)).toEqual(assembleUbpf(ubpf));
  });
});
