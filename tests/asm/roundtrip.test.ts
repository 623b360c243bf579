/** Every table row, edge values included: bytes → decode → text → assemble → same bytes. */
import { describe, expect, it } from 'vitest';
import {
  assembleLlvm,
  assembleUbpf,
  decodeLeniently,
  formatInsn,
  formatUbpfInsn,
  type ListingEntry,
} from '../../src/bpf/asm';
import { encodeProgram, findSpec, INSTRUCTION_TABLE } from '../../src/bpf/isa';
import { SAMPLES } from './samples';

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function decodedOne(bytes: Uint8Array): Extract<ListingEntry, { kind: 'insn' }> {
  const entries = decodeLeniently(bytes);
  expect(entries).toHaveLength(1);
  const e = entries[0]!;
  if (e.kind !== 'insn') throw new Error(`undecodable sample ${hex(bytes)}`);
  return e;
}

describe('round trip over the instruction table', () => {
  it('has samples for every row', () => {
    const covered = new Set(SAMPLES.map((s) => s.spec));
    expect(INSTRUCTION_TABLE.filter((s) => !covered.has(s))).toEqual([]);
    expect(SAMPLES.length).toBeGreaterThan(INSTRUCTION_TABLE.length * 5);
  });

  for (const alu32 of [true, false]) {
    it(`llvm syntax (alu32=${alu32}): every sample reassembles to identical bytes`, () => {
      const failures: string[] = [];
      for (const s of SAMPLES) {
        const bytes = encodeProgram([s.insn]);
        const { insn } = decodedOne(bytes);
        expect(insn.spec).toBe(s.spec);
        const text = formatInsn(insn, { alu32 });
        const again = hex(assembleLlvm(text));
        if (again !== hex(bytes)) failures.push(`${s.spec.mnemonic}: ${hex(bytes)} → '${text}' → ${again}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('uBPF syntax: every sample reassembles to identical bytes', () => {
    const failures: string[] = [];
    for (const s of SAMPLES) {
      const bytes = encodeProgram([s.insn]);
      const text = formatUbpfInsn(decodedOne(bytes).insn);
      const again = hex(assembleUbpf(text));
      if (again !== hex(bytes)) failures.push(`${s.spec.mnemonic}: ${hex(bytes)} → '${text}' → ${again}`);
    }
    expect(failures).toEqual([]);
  });

  it('every row is reachable from each assembler by its own text', () => {
    // A row whose text another row's pattern captured first would come back as that row.
    const rowsSeen = { llvm: new Set<number>(), ubpf: new Set<number>() };
    for (const [index, spec] of INSTRUCTION_TABLE.entries()) {
      const sample = SAMPLES.find((s) => s.spec === spec)!;
      const { insn } = decodedOne(encodeProgram([sample.insn]));
      for (const [syntax, bytes] of [
        ['llvm', assembleLlvm(formatInsn(insn))],
        ['ubpf', assembleUbpf(formatUbpfInsn(insn))],
      ] as const) {
        const back = decodedOne(bytes).insn;
        if (findSpec(back.opcode, back.src, back.off, back.imm) === spec) rowsSeen[syntax].add(index);
      }
    }
    expect(rowsSeen.llvm.size).toBe(INSTRUCTION_TABLE.length);
    expect(rowsSeen.ubpf.size).toBe(INSTRUCTION_TABLE.length);
  });
});
