/**
 * The playground's vmlinux.h (the simulated kernel's types), tested apart from the Debian comparison since no
 * Debian package ships one:
 *  - the CO-RE corpus in tests/headers/corpus-vmlinux compiles without errors or warnings and produces CO-RE
 *    relocations;
 *  - every UAPI type and enumerator it shares with the playground's linux/*.h headers has the same layout and
 *    value there (and those headers are compared with Debian's in layout.test.ts);
 *  - like a real vmlinux.h it defines no macros, carries preserve_access_index on every record, and its struct
 *    pt_regs is the x86-64 frame of <linux/ptrace.h> under the kernel's register names.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ALL_PRELUDE } from './headers-list';
import { coreRelocationCount } from './objects';
import { buildProbe, compareRuns, declarations, runProbe } from './probe';
import { CLANG, OURS_DIR, clang, diagnostics } from './toolchain';

const CORPUS = join(import.meta.dirname, 'corpus-vmlinux');
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.c'))
  .sort();

if (!CLANG) console.warn('\n*** SKIPPING vmlinux.h tests: clang-19 is not installed ***\n');

const VMLINUX = '#include "vmlinux.h"';

describe.skipIf(!CLANG)('vmlinux.h', () => {
  describe('CO-RE corpus', () => {
    it('has programs', () => expect(files.length).toBeGreaterThanOrEqual(5));

    it.each(files)('%s compiles cleanly and carries CO-RE relocations', (file) => {
      const result = clang(readFileSync(join(CORPUS, file), 'utf8'), OURS_DIR, ['-O2', '-g', '-Wall', '-c'], file);
      const found = diagnostics(result.stderr);
      if (found.length) console.info(`${file}:\n${found.join('\n')}`);
      expect(found).toEqual([]);
      expect(coreRelocationCount(result.object ?? new Uint8Array())).toBeGreaterThan(0);
    });
  });

  it('defines no macro but its include guard', () => {
    expect([...declarations(VMLINUX, OURS_DIR).macros.keys()]).toEqual(['__VMLINUX_H__']);
  });

  it('puts preserve_access_index on its records (unless BPF_NO_PRESERVE_ACCESS_INDEX)', () => {
    const source = `${VMLINUX}\nint f(struct task_struct *t) { return t->tgid; }\n`;
    const withCore = clang(source, OURS_DIR, ['-O2', '-g', '-c']);
    const without = clang(source, OURS_DIR, ['-O2', '-g', '-c', '-DBPF_NO_PRESERVE_ACCESS_INDEX']);
    expect(coreRelocationCount(withCore.object ?? new Uint8Array())).toBe(1);
    expect(coreRelocationCount(without.object ?? new Uint8Array())).toBe(0);
  });

  it('agrees with the playground UAPI headers on every type and enumerator they share', () => {
    const vm = declarations(VMLINUX, OURS_DIR);
    const uapi = declarations(ALL_PRELUDE, OURS_DIR);
    const shared = new Set<string>([
      ...[...vm.records.keys()].filter((n) => uapi.records.get(n)?.complete), // not mere forward declarations
      ...[...vm.enums].filter((n) => uapi.enums.has(n)),
      ...[...vm.enumerators].filter((n) => uapi.enumerators.has(n)),
      ...[...vm.typedefs.keys()].filter((n) => uapi.typedefs.has(n)),
    ]);
    // struct pt_regs has the kernel's register names here and the UAPI ones there: compared by the next test.
    shared.delete('struct pt_regs');
    const probe = buildProbe(vm, [], (name) => shared.has(name));
    const a = runProbe(VMLINUX, probe, OURS_DIR);
    const b = runProbe(ALL_PRELUDE, probe, OURS_DIR);
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    expect(compareRuns(a, b, probe)).toEqual([]);
    // The shared part is the UAPI the programs use: contexts, protocol headers, map and helper enums.
    for (const name of ['struct __sk_buff', 'struct xdp_md', 'struct iphdr', 'struct tcphdr', 'struct in6_addr']) {
      expect(shared.has(name), name).toBe(true);
    }
    for (const name of ['BPF_MAP_TYPE_RINGBUF', 'BPF_ANY', 'XDP_PASS', 'IPPROTO_UDP', 'BPF_FUNC_ringbuf_output']) {
      expect(shared.has(name), name).toBe(true);
    }
    expect(probe.values.length).toBeGreaterThan(2500);
  });

  it("lays out struct pt_regs as <linux/ptrace.h>'s, with the kernel's register names", () => {
    const pairs = [
      ['di', 'rdi'],
      ['si', 'rsi'],
      ['dx', 'rdx'],
      ['cx', 'rcx'],
      ['r8', 'r8'],
      ['ax', 'rax'],
      ['bp', 'rbp'],
      ['sp', 'rsp'],
      ['ip', 'rip'],
      ['orig_ax', 'orig_rax'],
      ['flags', 'eflags'],
    ] as const;
    const offsets = (prelude: string, names: readonly string[]) => {
      const probe = {
        values: [
          { label: 'size', expr: 'sizeof(struct pt_regs)' },
          ...names.map((n) => ({ label: n, expr: `__builtin_offsetof(struct pt_regs, ${n})` })),
        ],
        images: [],
      };
      const run = runProbe(prelude, probe, OURS_DIR);
      expect(run.failed).toEqual([]);
      return probe.values.map((v) => run.values.get(v.label));
    };
    const kernel = offsets(
      VMLINUX,
      pairs.map(([k]) => k),
    );
    const uapi = offsets(
      '#include <linux/ptrace.h>',
      pairs.map(([, u]) => u),
    );
    expect(kernel).toEqual(uapi);
    expect(kernel[0]).toBe(168n);
  });

  it('makes PT_REGS_PARM1 read di with vmlinux.h and rdi with <linux/ptrace.h> (same offset, 112)', () => {
    const body = 'SEC("kprobe/f") int p(struct pt_regs *ctx) { return (int)PT_REGS_PARM1(ctx); }\n';
    const vm = clang(`${VMLINUX}\n#include <bpf/bpf_helpers.h>\n#include <bpf/bpf_tracing.h>\n${body}`, OURS_DIR, [
      '-O2',
      '-S',
      '-o',
      '-',
      '-DBPF_NO_PRESERVE_ACCESS_INDEX',
    ]);
    const uapi = clang(
      `#include <linux/types.h>\n#include <linux/ptrace.h>\n#include <bpf/bpf_helpers.h>\n#include <bpf/bpf_tracing.h>\n${body}`,
      OURS_DIR,
      ['-O2', '-S', '-o', '-'],
    );
    expect(vm.stderr).toBe('');
    expect(uapi.stderr).toBe('');
    const load = (asm: string) => /r0 = \*\(u64 \*\)\(r1 \+ (\d+)\)/.exec(asm)?.[1];
    expect(load(vm.stdout)).toBe('112');
    expect(load(uapi.stdout)).toBe('112');
  });
});
