/**
 * Validates the tokenizer-based dereference rewrite against clang's own view of the code: native
 * clang-19's JSON AST of the rewritten programs must contain no load through a pointer to a
 * simulated-kernel struct except inside __builtin_preserve_access_index (BPF_CORE_READ's probe
 * reads), an address-of, sizeof/typeof, or an array member that only decays to an address.
 * (The VM itself lets such loads through; the kernel's verifier would reject them.) Test-only:
 * the product never runs native clang.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBccScript, rewriteBcc } from '../../src/bpf/bcc';
import { KERNEL_STRUCTS } from '../../src/bpf/kernel';
import { HEADERS_DISK_DIR } from '../../src/compiler/headers/node-headers';
import { CLANG19 } from '../compiler/toolchain';

interface Node {
  kind?: string;
  name?: string;
  isArrow?: boolean;
  opcode?: string;
  castKind?: string;
  type?: { qualType?: string };
  range?: { begin?: { presumedLine?: number; spellingLoc?: { presumedLine?: number } } };
  inner?: Node[];
}

/** The direct kernel loads in the program functions (name prefix) of `source`, as "line: member". */
function directKernelLoads(source: string, prefix: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'bcc-ast-'));
  try {
    writeFileSync(join(dir, 'prog.c'), source);
    const args = ['-target', 'bpf', '-nostdlibinc', '-isystem', HEADERS_DISK_DIR, '-fsyntax-only', '-Xclang', '-ast-dump=json', '-Xclang', `-ast-dump-filter=${prefix}`, 'prog.c']; // prettier-ignore
    const r = spawnSync(CLANG19!, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(r.stderr);
    // The filter prints one JSON document per matching declaration.
    const docs = JSON.parse(`[${r.stdout.replace(/\n}\n{/g, '\n},\n{')}]`) as Node[];
    const found: string[] = [];
    const walk = (n: Node, safe: boolean, parent: Node | null): void => {
      let ok = safe;
      if (n.kind === 'CallExpr' && JSON.stringify(n.inner?.[0] ?? {}).includes('__builtin_preserve_access_index')) ok = true; // prettier-ignore
      if (n.kind === 'UnaryOperator' && n.opcode === '&') ok = true;
      if (n.kind === 'UnaryExprOrTypeTraitExpr') ok = true;
      if (n.kind === 'MemberExpr' && n.isArrow && !ok) {
        const base = n.inner?.[0]?.type?.qualType ?? '';
        const struct = /^(?:const )?struct (\w+) \*$/.exec(base)?.[1];
        const decays = parent?.kind === 'ImplicitCastExpr' && parent.castKind === 'ArrayToPointerDecay';
        if (struct && struct !== 'pt_regs' && KERNEL_STRUCTS.has(struct) && !decays) found.push(`${struct}->${n.name}`);
      }
      for (const c of n.inner ?? []) walk(c, ok, n);
    };
    for (const d of docs) walk(d, false, null);
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!CLANG19) console.warn('\n*** SKIPPING the AST check of the BCC rewrite: clang-19 is not installed ***\n');

describe.skipIf(!CLANG19)('BCC dereference rewrite, checked on clang-19 AST', () => {
  it('leaves no direct kernel load in the feature and dereference programs or disksnoop', () => {
    const features = readFileSync(join(import.meta.dirname, 'programs/features.c'), 'utf8');
    expect(directKernelLoads(rewriteBcc(features).source, 'kprobe__')).toEqual([]);
    const derefs = readFileSync(join(import.meta.dirname, 'programs/derefs.c'), 'utf8');
    expect(directKernelLoads(rewriteBcc(derefs).source, 'kprobe__')).toEqual([]);
    expect(directKernelLoads(rewriteBcc(derefs).source, 'skb_len')).toEqual([]);
    const execsnoop = parseBccScript(readFileSync(join(import.meta.dirname, '../attach/perf_output/execsnoop.py'), 'utf8')).text!; // prettier-ignore
    expect(directKernelLoads(rewriteBcc(execsnoop).source, 'syscall__')).toEqual([]);
    const disksnoop = parseBccScript(readFileSync(join(import.meta.dirname, '../seeds/5-disksnoop/disksnoop.py'), 'utf8')).text!; // prettier-ignore
    expect(directKernelLoads(rewriteBcc(disksnoop).source, '__bcc_body_')).toEqual([]);
  });

  it('finds the loads the rewrite does not cover (the check can fail)', () => {
    // A kernel pointer held in a member of a local struct is not followed.
    const source =
      '#include <linux/skbuff.h>\nint kprobe__icmp_rcv(struct pt_regs *ctx, struct sk_buff *skb) { struct { struct sk_buff *s; } w = { skb }; return w.s->len; }\n'; // prettier-ignore
    expect(directKernelLoads(rewriteBcc(source).source, 'kprobe__')).toEqual(['sk_buff->len']);
    const unrewritten = rewriteBcc(readFileSync(join(import.meta.dirname, 'programs/features.c'), 'utf8')).source.replace(/BPF_CORE_READ\(p, real_parent, pid\)/, 'p->real_parent->pid'); // prettier-ignore
    expect(directKernelLoads(unrewritten, 'kprobe__')).toEqual(['task_struct->pid', 'task_struct->real_parent']);
  });
});
