/**
 * The bpf_conformance corpus through assembleUbpf: every test program assembles to bytes
 * the decoder accepts and llvm-mc agrees on; every assembly-level negative is rejected.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AsmError, assembleUbpf, disassemble } from '../../src/bpf/asm';
import { decodeProgram } from '../../src/bpf/isa';
import { parseElf } from '../../src/bpf/object';
import { LLVM_MC, missingTools, run } from './llvm-tools';

const ROOT = resolve(__dirname, '../../../shared/conformance');
const present = existsSync(join(ROOT, 'tests'));
if (!present) console.warn(`SKIPPED: conformance corpus not found at ${ROOT}`);

/** The text of a `-- asm` section, or null. */
function asmSection(file: string): string | null {
  const m = /^-- asm\n([\s\S]*?)(?=^-- |(?![\s\S]))/m.exec(readFileSync(file, 'utf8'));
  return m === null ? null : m[1]!;
}

const programs = (dir: string): [string, string][] =>
  present
    ? readdirSync(join(ROOT, dir))
        .filter((f) => f.endsWith('.data'))
        .sort()
        .flatMap((f) => {
          const text = asmSection(join(ROOT, dir, f));
          return text === null ? [] : [[f, text] as [string, string]];
        })
    : [];

/** Negative files whose assembly itself is malformed (the rest fail later, at run time). */
const ASSEMBLY_NEGATIVES: Record<string, RegExp> = {
  'invalid_imm32_dec_range.data': /^line 2: immediate 2147483648 is out of 32-bit range/,
  'invalid_imm32_hex_range.data': /^line 2: immediate 4294967296 is out of 32-bit range/,
  'invalid_label.data': /^line 1: unknown label 'NOT_A_LABEL'/,
  'invalid_lock.data': /^line 1: invalid number of operands for 'lock or'/,
  'invalid_lock2.data': /^line 1: incomplete 'lock'/,
  'invalid_mnemonic.data': /^line 2: invalid mnemonic 'ldxq'/,
  'invalid_offset.data': /^line 1: expected a memory operand/,
  'invalid_offset_range.data': /^line 2: offset 65536 is out of 16-bit range/,
  'invalid_operand_count.data': /^line 1: invalid number of operands for 'lddw'/,
  'invalid_register.data': /^line 1: invalid register '%r50'/,
  // Its asm section is empty: the `-- Unknown directive` line is a section header for the runner.
  'invalid_unknown_directive.data': /^line 1: no instructions/,
};

describe.skipIf(!present)('bpf_conformance corpus', () => {
  const tests = programs('tests');

  it('assembles all 313 test programs into decodable bytecode', () => {
    expect(tests.length).toBe(313);
    const failures = tests.flatMap(([file, text]) => {
      try {
        decodeProgram(assembleUbpf(text));
        return [];
      } catch (e) {
        return [`${file}: ${(e as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
  });

  it.each(Object.entries(ASSEMBLY_NEGATIVES))('rejects %s', (file, message) => {
    const text = asmSection(join(ROOT, 'negative', file));
    expect(text).not.toBeNull();
    expect(() => assembleUbpf(text!)).toThrow(AsmError);
    expect(() => assembleUbpf(text!)).toThrow(message);
  });

  const llvmSkip = missingTools([LLVM_MC]);
  it.skipIf(llvmSkip !== null)('means the same bytes as llvm-mc does for the llvm spelling', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conformance-llvm-'));
    // Local calls are the one form objdump's spelling cannot carry (it reads as a helper call).
    const comparable = tests.filter(([, text]) => !/call\s+local/.test(text));
    const sources = comparable.map(([, text]) => disassemble(decodeProgram(assembleUbpf(text)), { objdump: true }));
    writeFileSync(join(dir, 'all.s'), sources.join(''));
    run(LLVM_MC, ['-triple', 'bpfel', '-mcpu=v4', '-filetype=obj', join(dir, 'all.s'), '-o', join(dir, 'all.o')]);
    const theirs = parseElf(new Uint8Array(readFileSync(join(dir, 'all.o')))).sectionByName('.text')!.data;
    const ours = Buffer.concat(comparable.map(([, text]) => assembleUbpf(text)));
    expect(Buffer.from(theirs).equals(ours)).toBe(true);
  });
});
