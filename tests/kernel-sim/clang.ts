/**
 * Native clang-19 for the simulated-kernel tests: evaluates integer constant expressions (offsetof,
 * sizeof) against the playground's vmlinux.h by compiling them for -target bpf into LLVM IR and
 * reading the initializer back.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { HEADERS_DISK_DIR } from '../../src/compiler/headers/node-headers';

export const CLANG: string | null = (() => {
  const candidate = process.env.CLANG19 ?? 'clang-19';
  const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
  return probe.status === 0 && /clang version 19\./.test(probe.stdout) ? candidate : null;
})();

/** The value of each C expression, evaluated after `prelude` (vmlinux.h by default); throws with clang's errors. */
export function evaluate(expressions: readonly string[], prelude = '#include "vmlinux.h"'): bigint[] {
  if (!CLANG) throw new Error('clang-19 is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'kernel-sim-'));
  try {
    const body = expressions.map((e) => `  (unsigned long long)(${e}),`).join('\n');
    const source = `${prelude}\nunsigned long long values[] = {\n${body}\n};\n`;
    writeFileSync(join(dir, 'probe.c'), source);
    const out = spawnSync(
      CLANG,
      ['-target', 'bpf', '-nostdlibinc', '-isystem', HEADERS_DISK_DIR, '-S', '-emit-llvm', '-o', '-', 'probe.c'],
      { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    if (out.status !== 0) throw new Error(`clang failed:\n${out.stderr}`);
    // All zeros: clang writes `zeroinitializer` instead of the list.
    if (/@values = [^[]*\[\d+ x i64\] zeroinitializer/.test(out.stdout)) return expressions.map(() => 0n);
    const init = /@values = [^[]*\[\d+ x i64\] \[([^\]]*)\]/.exec(out.stdout);
    if (!init?.[1]) throw new Error(`no initializer for values in:\n${out.stdout.slice(0, 2000)}`);
    return init[1].split(',').map((item) => BigInt(item.trim().replace(/^i64 /, '')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
