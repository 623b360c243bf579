/**
 * bpf/bpf_helper_defs.h: every helper declared once, in the playground's form
 * `static RET (* const bpf_name)(PARAMS) = (void *) ID;`, with the id and prototype of Debian's libbpf 1.1 copy
 * and the kernel's enum bpf_func_id (Debian's linux/bpf.h, Linux 6.1; ids 210 and 211 came later and are checked
 * against libbpf only).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { declarations } from './probe';
import { CLANG, DEBIAN_MISSING, OURS_DIR, clang, debianIncludeDir } from './toolchain';

interface Helper {
  ret: string;
  name: string;
  params: string;
  id: number;
}

function parse(text: string, form: RegExp): { helpers: Helper[]; unparsed: string[] } {
  const helpers: Helper[] = [];
  const unparsed: string[] = [];
  for (const line of text.split('\n')) {
    if (!/= \(void \*\) \d+;$/.test(line)) continue;
    const m = form.exec(line);
    if (m?.[1] && m[2] && m[3] !== undefined && m[4]) {
      helpers.push({ ret: m[1].trim(), name: m[2], params: m[3], id: Number(m[4]) });
    } else unparsed.push(line);
  }
  return { helpers, unparsed };
}

const OURS_FORM = /^static (.+?)\(\* const (bpf_\w+)\)\((.*)\) = \(void \*\) (\d+);$/;
const LIBBPF_FORM = /^static (.+?)\(\*(bpf_\w+)\)\((.*)\) = \(void \*\) (\d+);$/;

const ours = parse(readFileSync(join(OURS_DIR, 'bpf/bpf_helper_defs.h'), 'utf8'), OURS_FORM);

describe('bpf_helper_defs.h (text)', () => {
  it('declares every helper in the `static RET (* const bpf_x)(...) = (void *) N;` form', () => {
    expect(ours.unparsed).toEqual([]);
    expect(ours.helpers.length).toBe(211);
  });

  it('numbers the helpers 1..211 with no gaps and no duplicate names', () => {
    expect(ours.helpers.map((h) => h.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 211 }, (_, i) => i + 1));
    expect(new Set(ours.helpers.map((h) => h.name)).size).toBe(211);
  });

  it('spells the best-known helpers with their well-known ids', () => {
    const id = (name: string) => ours.helpers.find((h) => h.name === name)?.id;
    expect(id('bpf_map_lookup_elem')).toBe(1);
    expect(id('bpf_map_update_elem')).toBe(2);
    expect(id('bpf_trace_printk')).toBe(6);
    expect(id('bpf_tail_call')).toBe(12);
    expect(id('bpf_get_current_pid_tgid')).toBe(14);
    expect(id('bpf_redirect_map')).toBe(51);
    expect(id('bpf_ringbuf_output')).toBe(130);
    expect(id('bpf_cgrp_storage_delete')).toBe(211);
  });
});

const missing = !CLANG
  ? 'clang-19 is not installed'
  : DEBIAN_MISSING.length
    ? `missing ${DEBIAN_MISSING.join(', ')}`
    : '';
if (missing) console.warn(`\n*** SKIPPING helper comparison tests: ${missing} ***\n`);

describe.skipIf(missing !== '')('bpf_helper_defs.h compared with Debian libbpf-dev and linux-libc-dev', () => {
  const libbpf = () => parse(readFileSync('/usr/include/bpf/bpf_helper_defs.h', 'utf8'), LIBBPF_FORM);

  it('has the same helper names and ids as libbpf 1.1', () => {
    const real = libbpf();
    expect(real.unparsed).toEqual([]);
    const toMap = (hs: Helper[]) => Object.fromEntries(hs.map((h) => [h.name, h.id]));
    expect(toMap(ours.helpers)).toEqual(toMap(real.helpers));
  });

  it('uses the ids of the kernel enum bpf_func_id, in our linux/bpf.h and in Debian 6.1 linux/bpf.h', () => {
    const kernel = declarations('#include <linux/types.h>\n#include <linux/bpf.h>', debianIncludeDir()).enumerators;
    const inKernel = ours.helpers.filter((h) => kernel.has(`BPF_FUNC_${h.name.slice(4)}`));
    expect(inKernel.length).toBe(209); // 6.1 ends at 209, bpf_user_ringbuf_drain
    const asserts = inKernel.map((h) => `_Static_assert(BPF_FUNC_${h.name.slice(4)} == ${h.id}, "${h.name}");`);
    const source = `#include <linux/types.h>\n#include <linux/bpf.h>\n${asserts.join('\n')}\n`;
    for (const dir of [debianIncludeDir(), OURS_DIR]) {
      const result = clang(source, dir, ['-fsyntax-only']);
      expect(result.stderr).toBe('');
    }
  });

  it("declares each helper with a type compatible with libbpf's prototype", () => {
    const asserts = libbpf().helpers.map(
      (h) =>
        `_Static_assert(__builtin_types_compatible_p(__typeof__(${h.name}), ${h.ret} (*)(${h.params})), "${h.name}");`,
    );
    const source = `#include <linux/types.h>\n#include <bpf/bpf_helpers.h>\n${asserts.join('\n')}\n`;
    const result = clang(source, OURS_DIR, ['-fsyntax-only', '-ferror-limit=0']);
    expect(result.stderr).toBe('');
    // And the check can fail: a wrong prototype is caught.
    const wrong = clang(
      `#include <linux/types.h>\n#include <bpf/bpf_helpers.h>\n` +
        `_Static_assert(__builtin_types_compatible_p(__typeof__(bpf_map_lookup_elem), long (*)(void *map, const void *key)), "x");\n`,
      OURS_DIR,
      ['-fsyntax-only'],
    );
    expect(wrong.ok).toBe(false);
  });

  it('calls compile to "call N" with the right N (no relocation, no indirect call)', () => {
    const result = clang(
      `#include <linux/types.h>\n#include <bpf/bpf_helpers.h>\n` +
        `SEC("xdp") int prog(void *ctx) {\n  bpf_map_lookup_elem(0, 0);\n  bpf_ktime_get_ns();\n` +
        `  bpf_ringbuf_output(0, 0, 0, 0);\n  bpf_cgrp_storage_delete(0, 0);\n  return 0;\n}\n`,
      OURS_DIR,
      ['-O2', '-S', '-o', '-'],
    );
    expect(result.ok).toBe(true);
    expect([...result.stdout.matchAll(/\bcall (\d+)/g)].map((m) => Number(m[1]))).toEqual([1, 5, 130, 211]);
  });
});
