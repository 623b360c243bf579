/**
 * The differential corpus: every program of the kernel-differential suite (tests/kernel/vm-programs,
 * with its "common.h"), the object-loader fixtures (tests/object/fixtures) and tests/compiler/corpus,
 * compiled against the playground's headers, plus flag variants.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClangOptions, CompileInput } from '../../src/compiler/types';

const TESTS = join(import.meta.dirname, '..');
const DIRS = [
  join(TESTS, 'kernel', 'vm-programs'),
  join(TESTS, 'object', 'fixtures'),
  join(TESTS, 'compiler', 'corpus'),
];

export interface CorpusCase {
  readonly name: string;
  readonly input: CompileInput;
}

function dirFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of readdirSync(dir).filter((f) => /\.[ch]$/.test(f))) {
    files.set(`/src/${f}`, readFileSync(join(dir, f), 'utf8'));
  }
  return files;
}

export function corpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const dir of DIRS) {
    const files = dirFiles(dir);
    for (const path of [...files.keys()].filter((p) => p.endsWith('.c')).sort()) {
      const entry = path.slice('/src/'.length);
      // Signed division and sign-extending moves need cpu v4; at v3 they are errors (compared too).
      const cpus: ClangOptions['cpu'][] = /sdiv|sext|v4/.test(entry) ? ['v3', 'v4'] : ['v3'];
      for (const cpu of cpus) {
        cases.push({
          name: `${entry} -mcpu=${cpu}`,
          input: { entry, files, workingDirectory: '/src', options: { cpu } },
        });
      }
    }
  }
  const parse = dirFiles(DIRS[0]!);
  const variants: [string, ClangOptions][] = [
    ['-O0', { optLevel: 0 }],
    ['-O1', { optLevel: 1 }],
    ['-O3', { optLevel: 3 }],
    ['-mcpu=v1', { cpu: 'v1' }],
    ['-mcpu=v2', { cpu: 'v2' }],
    ['no -g', { debugInfo: false }],
    ['-D -Wall -Wextra', { defines: ['MAX_LEN=64', 'DEBUG'], warnings: ['all', 'extra'] }],
  ];
  for (const [label, options] of variants) {
    cases.push({
      name: `xdp_parse.c ${label}`,
      input: { entry: 'xdp_parse.c', files: parse, workingDirectory: '/src', options },
    });
  }
  // -I: the same program with its header moved to an include directory.
  const moved = new Map([...parse].map(([p, t]) => [p === '/src/common.h' ? '/src/include/common.h' : p, t]));
  cases.push({
    name: 'xdp_parse.c -I include',
    input: { entry: 'xdp_parse.c', files: moved, workingDirectory: '/src', options: { includeDirs: ['include'] } },
  });
  return cases;
}
