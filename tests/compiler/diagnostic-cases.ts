/** Programs with known clang diagnostics; their native clang-19 stderr is recorded in fixtures/diagnostics/*.stderr. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CompileInput } from '../../src/compiler/types';

export const DIAGNOSTICS_DIR = join(import.meta.dirname, 'fixtures', 'diagnostics');

function sources(): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of readdirSync(DIAGNOSTICS_DIR).filter((f) => /\.[ch]$/.test(f))) {
    files.set(`/src/${f}`, readFileSync(join(DIAGNOSTICS_DIR, f), 'utf8'));
  }
  return files;
}

export interface DiagnosticCase {
  readonly name: string;
  readonly input: CompileInput;
}

const input = (entry: string, options: CompileInput['options'] = {}): CompileInput => ({
  entry,
  files: sources(),
  workingDirectory: '/src',
  options,
});

export const DIAGNOSTIC_CASES: readonly DiagnosticCase[] = [
  { name: 'errors', input: input('errors.c') },
  { name: 'warnings', input: input('warnings.c', { warnings: ['all', 'extra'] }) },
  { name: 'fatal', input: input('fatal.c') },
  { name: 'backend', input: input('backend.c') },
  { name: 'stack', input: input('stack.c') },
  { name: 'unknown-warning', input: input('fatal.c', { warnings: ['no-such-warning'], defines: ['X=1'] }) },
];

export const recordedStderr = (name: string): string => readFileSync(join(DIAGNOSTICS_DIR, `${name}.stderr`), 'utf8');
