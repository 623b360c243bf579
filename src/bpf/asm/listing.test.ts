import { describe, expect, it } from 'vitest';
import { formatListing, symbolizer } from './listing';
import { assembleLlvm } from './llvm-assemble';

describe('symbolizer', () => {
  const name = symbolizer([
    { name: 'main', offset: 0 },
    { name: 'helper', offset: 24 },
  ]);
  it('names the nearest symbol at or below the target', () => {
    expect(name(0)).toBe('main');
    expect(name(2)).toBe('main+0x10');
    expect(name(3)).toBe('helper');
    expect(name(5)).toBe('helper+0x10');
  });
  it('wraps targets before the section the way objdump does (unsigned 64-bit)', () => {
    expect(name(-1)).toBe('helper+0xffffffffffffffe0');
  });
});

describe('formatListing', () => {
  it('lays out headers, addresses, bytes, suffixes and relocations like llvm-objdump -dr', () => {
    const code = assembleLlvm('r1 = 0 ll\nif r1 == 0 goto +1\ncall 1\nexit');
    const text = formatListing(code, {
      sectionName: 'xdp',
      symbols: [{ name: 'prog', offset: 0 }],
      relocations: [{ offset: 0, type: 'R_BPF_64_64', symbol: 'counters' }],
      objdump: true,
    });
    expect(text).toBe(
      [
        '',
        '0000000000000000 <prog>:',
        '       0:\t18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00\tr1 = 0x0 ll',
        '\t\t0000000000000000:  R_BPF_64_64\tcounters',
        '       2:\t15 01 01 00 00 00 00 00\tif r1 == 0x0 goto +0x1 <prog+0x20>',
        '       3:\t85 00 00 00 01 00 00 00\tcall 0x1',
        '       4:\t95 00 00 00 00 00 00 00\texit',
        '',
      ].join('\n'),
    );
  });

  it('shows undecodable slots as <unknown> and keeps going', () => {
    const code = new Uint8Array([0xff, 0, 0, 0, 0, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0]);
    expect(formatListing(code, { sectionName: '.text' })).toContain('<unknown>\n       1:');
  });
});
