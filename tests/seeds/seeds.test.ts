/**
 * The five seed programs of issue 7, run unchanged through the CLI's attach path (`run PROG ...`
 * with the arguments in each folder's seed.json) and compared with the folder's expected.txt.
 * UPDATE_SEEDS=1 rewrites expected.txt (review the diff: it is the programs' visible behaviour).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAttachCommand } from '../../src/cli/commands/run';
import { COMPILER_NAME, compileForTests, HAS_COMPILER } from './compile';

const DIR = import.meta.dirname;
const SEEDS = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(DIR, d.name, 'seed.json')))
  .map((d) => d.name)
  .sort();

if (!HAS_COMPILER) console.warn('\n*** SKIPPING seed programs: neither clang.wasm nor clang-19 is available ***\n');

/** Runs `run ARGS` (paths relative to the seed's folder) and returns exit status and output. */
export async function runSeed(name: string, extra: string[] = []): Promise<{ status: number; out: string; err: string }> {
  const { run } = JSON.parse(readFileSync(join(DIR, name, 'seed.json'), 'utf8')) as { run: string[] };
  const args = run.map((a) => (existsSync(join(DIR, name, a)) ? join(DIR, name, a) : a));
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += `${t}\n`), err: (t: string) => void (err += `${t}\n`) };
  const status = await runAttachCommand([...args, '--cpus', '2', ...extra], io, compileForTests);
  return { status, out, err };
}

describe.skipIf(!HAS_COMPILER)(`seed programs (compiled with ${COMPILER_NAME})`, () => {
  it('has the five seeds of the issue', () => {
    expect(SEEDS).toEqual(['1-hello-world', '2-hello-execve', '2-xdp-hello', '3-xdp-ping', '4-tracex1', '5-disksnoop']);
  });

  for (const name of SEEDS) {
    it(`${name} prints its expected output`, { timeout: 60_000 }, async () => {
      const { status, out, err } = await runSeed(name);
      expect(err).toBe('');
      expect(status).toBe(0);
      const expectedPath = join(DIR, name, 'expected.txt');
      if (process.env.UPDATE_SEEDS === '1') writeFileSync(expectedPath, out);
      expect(out).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
