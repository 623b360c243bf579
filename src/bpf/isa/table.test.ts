import { describe, expect, it } from 'vitest';
import { INSTRUCTION_TABLE } from './table';
import { findSpec, specsForMnemonic } from './lookup';
import { decodeProgram, IsaError } from './decode';
import { encodeProgram, insn } from './insn';
import { Cls, isWide } from './opcodes';

const discriminatorKey = (opcode: number, field: string, value: number) => `${opcode}:${field}=${value}`;

describe('instruction table', () => {
  it('has no two rows with the same opcode and discriminator', () => {
    const seen = new Set<string>();
    for (const s of INSTRUCTION_TABLE) {
      const key = s.discriminator
        ? discriminatorKey(s.opcode, s.discriminator.field, s.discriminator.value)
        : `${s.opcode}`;
      expect(seen.has(key), `${s.mnemonic} ${key}`).toBe(false);
      seen.add(key);
    }
  });

  it('maps every row back to itself through findSpec', () => {
    for (const s of INSTRUCTION_TABLE) {
      const d = s.discriminator;
      const found = findSpec(
        s.opcode,
        d?.field === 'src' ? d.value : 0,
        d?.field === 'off' ? d.value : 0,
        d?.field === 'imm' ? d.value : 0,
      );
      expect(found, s.mnemonic).toBe(s);
    }
  });

  it('finds every mnemonic and alias by name', () => {
    for (const s of INSTRUCTION_TABLE) {
      for (const name of [s.mnemonic, ...s.aliases]) expect(specsForMnemonic(name)).toContain(s);
    }
  });

  it('covers RFC 9669: 8 classes, 178 rows of ISA v1-v4', () => {
    const classes = new Set(INSTRUCTION_TABLE.map((s) => s.opcode & 7));
    expect(classes.size).toBe(8);
    // Counted by hand from RFC 9669: see the family expanders in table.ts.
    expect(INSTRUCTION_TABLE.filter((s) => (s.opcode & 7) === Cls.ALU64).length).toBe(14 * 2 + 1 + 3 + 3);
    expect(INSTRUCTION_TABLE.filter((s) => (s.opcode & 7) === Cls.ALU).length).toBe(14 * 2 + 1 + 2 + 6);
    expect(INSTRUCTION_TABLE.filter((s) => (s.opcode & 7) === Cls.JMP32).length).toBe(11 * 2 + 1);
  });
});

describe('decodeProgram', () => {
  const exit = insn(0x95);
  it('decodes lddw as one instruction spanning two slots', () => {
    const prog = decodeProgram(encodeProgram([insn(0x18, 1, 0, 0, 0x55667788, 0x11223344), exit]));
    expect(prog.map((i) => i.pc)).toEqual([0, 2]);
    expect(prog[0]!.immHi).toBe(0x11223344);
    expect(isWide(prog[0]!.opcode)).toBe(true);
  });

  it.each([
    ['an unknown opcode', [insn(0xff), exit], 'insn 0: invalid opcode 0xff'],
    ['a reserved offset', [insn(0x07, 0, 0, 1, 1), exit], 'insn 0: reserved field off must be 0'],
    ['a register past r10', [insn(0xbf, 11, 1), exit], 'insn 0: invalid register r11'],
    ['a bad byte-swap width', [insn(0xdc, 0, 0, 0, 8), exit], 'insn 0: invalid imm=8 for opcode 0xdc'],
    ['a jump past the end', [insn(0x05, 0, 0, 5), exit], 'insn 0: jump out of range'],
    ['a call to a missing subprogram', [insn(0x85, 0, 1, 0, 7), exit], 'insn 0: call out of range'],
    ['a jump into lddw', [insn(0x05, 0, 0, 1), insn(0x18, 1), exit], 'insn 0: jump into the middle of lddw'],
  ] as const)('rejects %s with the instruction index', (_what, insns, message) => {
    expect(() => decodeProgram(encodeProgram(insns))).toThrow(IsaError);
    expect(() => decodeProgram(encodeProgram(insns))).toThrow(message);
  });

  it('rejects a truncated lddw and a ragged length', () => {
    expect(() => decodeProgram(encodeProgram([exit, insn(0x18)]).subarray(0, 16))).toThrow('insn 1: lddw is truncated');
    expect(() => decodeProgram(new Uint8Array(12))).toThrow('not a multiple of 8');
  });
});
