/** Locating the native LLVM tools the differential tests compare against. */
import { spawnSync } from 'node:child_process';

const available = (tool: string): boolean => spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0;

export const LLVM_MC = 'llvm-mc-19';
export const LLVM_OBJDUMP = 'llvm-objdump-19';
export const CLANG = 'clang-19';

/** Returns why the tests must be skipped, warning loudly, or null when the tools are there. */
export function missingTools(tools: readonly string[]): string | null {
  const missing = tools.filter((t) => !available(t));
  if (missing.length === 0) return null;
  const reason = `SKIPPED: ${missing.join(', ')} not installed; install llvm-19/clang-19 to run these comparisons`;
  console.warn(reason);
  return reason;
}

export function run(tool: string, args: readonly string[], input?: string): string {
  const r = spawnSync(tool, args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

/** The instruction lines of an objdump listing (from the first symbol header on). */
export const listingBody = (text: string): string[] =>
  text
    .split('\n')
    .slice(text.split('\n').findIndex((l) => /^[0-9a-f]{16} </.test(l)))
    .filter((l) => l.trim() !== '');
