/**
 * The compile corpus: realistic BPF programs (XDP parsers, tc with bpf_skb_store_bytes/l4_csum_replace, a socket
 * filter, kprobes with BPF_KPROBE/PT_REGS_PARM1, tracepoints, libbpf-style BTF maps...) in tests/headers/corpus.
 * Each must compile with clang-19 -target bpf -O2 -g against the playground's headers with no error, and must
 * produce the same object as with Debian's real headers: identical code and data sections, relocations and
 * symbols (debug information aside), which shows that the two trees mean the same thing to these programs.
 * The vmlinux.h programs are in vmlinux.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { summarize } from './objects';
import { CLANG, DEBIAN_MISSING, OURS_DIR, clang, debianIncludeDir, diagnostics } from './toolchain';

const CORPUS = join(import.meta.dirname, 'corpus');
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.c'))
  .sort();

const FLAGS = ['-O2', '-g', '-Wall', '-c'];
/** libbpf wants the architecture named; the playground's bpf_tracing.h defaults to x86-64. */
const ARCH = '-D__TARGET_ARCH_x86';

const missing = !CLANG
  ? 'clang-19 is not installed'
  : DEBIAN_MISSING.length
    ? `missing ${DEBIAN_MISSING.join(', ')}`
    : '';
if (missing) console.warn(`\n*** SKIPPING header corpus tests: ${missing} ***\n`);

/** Diagnostics without the include-root paths, which differ between the trees. */
const normalized = (stderr: string, root: string) => diagnostics(stderr.split(root).join('<include>'));

it('the corpus has at least 15 programs', () => {
  expect(files.length).toBeGreaterThanOrEqual(15);
});

describe.skipIf(missing !== '')('compile corpus against the playground headers and Debian headers', () => {
  it.each(files)('%s', (file) => {
    const source = readFileSync(join(CORPUS, file), 'utf8');
    const ours = clang(source, OURS_DIR, [...FLAGS, ARCH], file);
    const real = clang(source, debianIncludeDir(), [...FLAGS, ARCH], file);

    const ourDiagnostics = normalized(ours.stderr, OURS_DIR);
    if (ourDiagnostics.length)
      console.info(`${file}: warnings with the playground headers:\n${ourDiagnostics.join('\n')}`);
    expect(ourDiagnostics.filter((line) => /: (fatal )?error: /.test(line))).toEqual([]);
    expect(real.ok, real.stderr).toBe(true);
    expect(ourDiagnostics).toEqual(normalized(real.stderr, debianIncludeDir()));

    const a = summarize(ours.object ?? new Uint8Array());
    const b = summarize(real.object ?? new Uint8Array());
    expect(a.codeBytes).toBeGreaterThan(0);
    expect(a).toEqual(b);

    // Without -D__TARGET_ARCH_x86 the playground headers still pick x86-64, with the same result.
    const noArch = clang(source, OURS_DIR, FLAGS, file);
    expect(diagnostics(noArch.stderr)).toEqual([]);
    expect(summarize(noArch.object ?? new Uint8Array())).toEqual(a);
  });
});
