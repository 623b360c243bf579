/**
 * Our disassembler against llvm-objdump-19 and our llvm-syntax reading against llvm-mc-19,
 * over every sample of every table row. Skips loudly when the tools are missing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleLlvm, formatInsn, formatListing } from '../../src/bpf/asm';
import { encodeProgram } from '../../src/bpf/isa';
import { parseElf } from '../../src/bpf/object';
import { LLVM_MC, LLVM_OBJDUMP, listingBody, missingTools, run } from './llvm-tools';
import { decoded, objdumpIsLossless, type Sample, SAMPLES } from './samples';

const skip = missingTools([LLVM_MC, LLVM_OBJDUMP]);
const dir = skip === null ? mkdtempSync(join(tmpdir(), 'asm-diff-')) : '';

function assembleWithLlvm(name: string, source: string): string {
  const s = join(dir, `${name}.s`);
  const o = join(dir, `${name}.o`);
  writeFileSync(s, source);
  run(LLVM_MC, ['-triple', 'bpfel', '-mcpu=v4', '-filetype=obj', s, '-o', o]);
  return o;
}

const textSection = (object: string): Uint8Array =>
  parseElf(new Uint8Array(readFileSync(object))).sectionByName('.text')!.data;

const byteDirective = (bytes: Uint8Array): string => `.byte ${Array.from(bytes).join(', ')}\n`;

/** llvm-mc 19 reads gotol targets only as 16-bit numbers. */
const llvmMcCanRead = (s: Sample): boolean =>
  objdumpIsLossless(s) && !(s.spec.shape === 'gotol' && Math.abs(s.insn.imm) > 0x7fff);

describe.skipIf(skip !== null)('differential against llvm-mc-19 / llvm-objdump-19', () => {
  it('disassembles every sample encoding exactly like llvm-objdump (plain -d and --mcpu=v4)', () => {
    const code = encodeProgram(SAMPLES.map((s) => s.insn));
    const object = assembleWithLlvm('bytes', SAMPLES.map((s) => byteDirective(encodeProgram([s.insn]))).join(''));
    expect(textSection(object)).toEqual(code);
    for (const [flags, alu32] of [
      [[], false],
      [['--mcpu=v4'], true],
    ] as const) {
      const theirs = listingBody(run(LLVM_OBJDUMP, ['-d', ...flags, object]));
      const ours = listingBody(formatListing(code, { sectionName: '.text', alu32, objdump: true }));
      expect(ours.length).toBe(theirs.length);
      expect(theirs.length).toBeGreaterThan(SAMPLES.length);
      const diffs = ours.flatMap((line, n) => (line === theirs[n] ? [] : [`ours:   ${line}\ntheirs: ${theirs[n]}`]));
      expect(diffs.slice(0, 20)).toEqual([]);
    }
  });

  it('writes text that llvm-mc assembles to the same bytes, and reads llvm-mc text back', () => {
    const samples = SAMPLES.filter(llvmMcCanRead);
    const source = samples.map((s) => `${formatInsn(decoded(s), { objdump: true })}\n`).join('');
    const object = assembleWithLlvm('text', source);
    const expected = encodeProgram(samples.map((s) => s.insn));
    expect(textSection(object)).toEqual(expected);
    expect(assembleLlvm(source)).toEqual(expected);
    // And the listing objdump prints for it (addresses, bytes, <sym> suffixes) reads back too.
    expect(assembleLlvm(run(LLVM_OBJDUMP, ['-d', '--mcpu=v4', object]))).toEqual(expected);
  });
});
