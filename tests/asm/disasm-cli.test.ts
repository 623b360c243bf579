/**
 * `ebpf-playground disasm` on clang-19-compiled objects against `llvm-objdump-19 -d`,
 * compared line by line with whitespace normalised. Skips loudly without the tools.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { CLANG, LLVM_OBJDUMP, missingTools, run } from './llvm-tools';

const skip = missingTools([CLANG, LLVM_OBJDUMP]);
const FIXTURES = join(__dirname, 'fixtures');
const sources = readdirSync(FIXTURES).filter((f) => f.endsWith('.c'));

const normalise = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');

async function cli(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await main(['disasm', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { status, out, err };
}

describe.skipIf(skip !== null)('disasm command against llvm-objdump-19', () => {
  const dir = skip === null ? mkdtempSync(join(tmpdir(), 'disasm-cli-')) : '';
  const objectFor = (source: string): string => {
    const object = join(dir, source.replace(/\.c$/, '.o'));
    run(CLANG, ['-O2', '-target', 'bpf', '-mcpu=v3', '-g', '-c', join(FIXTURES, source), '-o', object]);
    return object;
  };

  it('has fixtures to compare', () => expect(sources.length).toBeGreaterThanOrEqual(3));

  // [our flags, objdump flags]
  const MODES: [string[], string[]][] = [
    [[], ['-d']],
    [['-r'], ['-d', '-r']],
    [['--mcpu=v3'], ['-d', '--mcpu=v3']],
  ];
  for (const source of sources) {
    it.each(MODES)(`${source}: disasm %j matches llvm-objdump %j`, async (ours, theirs) => {
      const object = objectFor(source);
      const result = await cli([...ours, object]);
      expect(result.status).toBe(0);
      expect(normalise(result.out)).toEqual(normalise(run(LLVM_OBJDUMP, [...theirs, object])));
    });
  }
});

describe('disasm command errors', () => {
  it('reports a missing file with status 1', async () => {
    const r = await cli(['/nonexistent/x.o']);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/cannot read '\/nonexistent\/x.o'/);
  });

  it('reports a file that is not ELF', async () => {
    const r = await cli([join(FIXTURES, sources[0] ?? 'loops.c')]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/is not a readable BPF object/);
  });

  it('rejects unknown options as usage errors (status 2)', async () => {
    expect((await cli(['--bogus', 'x.o'])).status).toBe(2);
    expect((await cli([])).status).toBe(2);
  });
});
