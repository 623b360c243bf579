/**
 * Golden folders: each has seed.json ({"description", "run": [args of `ebpf-playground run`]},
 * paths relative to the folder) and expected.txt, the command's text output. The runner goes
 * through the CLI's attach path with the tests' compiler (tests/seeds/compile.ts).
 * UPDATE_SEEDS=1 rewrites expected.txt (review the diff: it is the programs' visible behaviour).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runAttachCommand } from '../../src/cli/commands/run';
import { compileForTests } from './compile';

export function goldenFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'seed.json')))
    .map((d) => d.name)
    .sort();
}

/** Runs `run ARGS` for the folder (2 simulated CPUs so output does not depend on the host). */
export async function runGolden(
  folder: string,
  extra: readonly string[] = [],
): Promise<{ status: number; out: string; err: string }> {
  const { run } = JSON.parse(readFileSync(join(folder, 'seed.json'), 'utf8')) as { run: string[] };
  const args = run.map((a) => (existsSync(join(folder, a)) ? join(folder, a) : a));
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += `${t}\n`), err: (t: string) => void (err += `${t}\n`) };
  const status = await runAttachCommand([...args, '--cpus', '2', ...extra], io, compileForTests);
  return { status, out, err };
}

/** One test per folder: exit status 0, nothing on stderr, stdout equal to expected.txt. */
export function goldenTests(dir: string): void {
  for (const name of goldenFolders(dir)) {
    it(`${name} prints its expected output`, { timeout: 60_000 }, async () => {
      const { status, out, err } = await runGolden(join(dir, name));
      expect(err).toBe('');
      expect(status).toBe(0);
      const expectedPath = join(dir, name, 'expected.txt');
      if (process.env.UPDATE_SEEDS === '1') writeFileSync(expectedPath, out);
      expect(out).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
}
