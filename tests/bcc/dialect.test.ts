/**
 * BCC dialect forms beyond map methods: TRACEPOINT_PROBE with args->field (record structs from the
 * simulated kernel's format-file layouts), and kernel pointer dereferences through casts, `*p`,
 * copied pointers and chains. Goldens of the rewrite, the record structs' offsets by clang, and
 * runs on the simulated kernel.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteBcc } from '../../src/bpf/bcc';
import { tracepointStruct } from '../../src/bpf/bcc/tracepoint';
import { TRACEPOINTS } from '../../src/bpf/kernel';
import type { AttachReport } from '../../src/bpf/session';
import { runAttachCommand } from '../../src/cli/commands/run';
import { CLANG, evaluate } from '../kernel-sim/clang';
import { COMPILER_NAME, compileForTests, HAS_COMPILER } from '../seeds/compile';

/** The rewritten user code, without the prelude and the license the rewrite adds. */
const user = (source: string) => {
  const out = rewriteBcc(source).source;
  return out.slice(out.indexOf('\n', out.indexOf('#line 1')) + 1).replace(/\nchar _license\[\].*\n$/, '');
};

describe('TRACEPOINT_PROBE', () => {
  it('becomes a tracepoint program whose args is the event record', () => {
    expect(user('TRACEPOINT_PROBE(sched, sched_switch) {\n  return args->next_pid;\n}\n')).toContain(
      'struct tracepoint__sched__sched_switch { __u16 common_type; __u8 common_flags; __u8 common_preempt_count; __s32 common_pid; char prev_comm[16]; __s32 prev_pid; __s32 prev_prio; __s64 prev_state; char next_comm[16]; __s32 next_pid; __s32 next_prio; }; ' + // prettier-ignore
        'SEC("tracepoint/sched/sched_switch") int tracepoint__sched__sched_switch(struct tracepoint__sched__sched_switch *args){\n  return args->next_pid;\n}',
    );
  });

  it('types syscall arguments as the format file does, pads to its offsets, names __data_loc fields', () => {
    expect(tracepointStruct('syscalls', 'sys_enter_openat', 1)).toBe(
      'struct tracepoint__syscalls__sys_enter_openat { __u16 common_type; __u8 common_flags; __u8 common_preempt_count; __s32 common_pid; __s32 __syscall_nr; char __pad_12[4]; long dfd; const char * filename; long flags; long mode; };', // prettier-ignore
    );
    expect(tracepointStruct('net', 'netif_receive_skb', 1)).toContain(
      'void *skbaddr; __u32 len; int data_loc_name; };',
    );
    expect(() => tracepointStruct('sched', 'sched_nope', 3)).toThrow(/line 3: the simulated kernel has no tracepoint sched:sched_nope/); // prettier-ignore
  });

  it('attaches tracepoint__CATEGORY__EVENT functions by name, with their record struct', () => {
    const out = user('int tracepoint__syscalls__sys_exit_openat(struct tracepoint__syscalls__sys_exit_openat *args) { return args->ret; }'); // prettier-ignore
    expect(out).toMatch(/^struct tracepoint__syscalls__sys_exit_openat \{.*__s64 ret; \}; SEC\("tracepoint\/syscalls\/sys_exit_openat"\) int tracepoint__syscalls__sys_exit_openat\(/); // prettier-ignore
  });
});

describe('kernel pointer dereferences', () => {
  const probe = (body: string) =>
    user(`int kprobe__tcp_v4_connect(struct pt_regs *ctx, struct sock *sk) { ${body} }`).replace(/^.*?PT_REGS_PARM1\(\(\(struct pt_regs \*\)\(ctx\)\)\);/, ''); // prettier-ignore

  it('reads through casts, *p, copied pointers and chains', () => {
    expect(probe('return ((struct sock *)PT_REGS_PARM1(ctx))->__sk_common.skc_family;')).toBe(' return BPF_CORE_READ((struct sock *)(PT_REGS_PARM1(ctx)), __sk_common.skc_family); }'); // prettier-ignore
    expect(probe('struct sock copy = *sk; return copy.sk_mark;')).toBe(' struct sock copy = ({ __typeof__(*(sk)) __bcc_obj; bpf_probe_read_kernel(&__bcc_obj, sizeof(__bcc_obj), sk); __bcc_obj; }); return copy.sk_mark; }'); // prettier-ignore
    expect(probe('struct socket s = *sk->sk_socket; return s.state;')).toBe(' struct socket s = ({ __typeof__(*(BPF_CORE_READ(sk, sk_socket))) __bcc_obj; bpf_probe_read_kernel(&__bcc_obj, sizeof(__bcc_obj), BPF_CORE_READ(sk, sk_socket)); __bcc_obj; }); return s.state; }'); // prettier-ignore
    expect(probe('struct inet_sock *inet = (struct inet_sock *)sk; return inet->inet_sport;')).toBe(' struct inet_sock *inet = (struct inet_sock *)sk; return BPF_CORE_READ(inet, inet_sport); }'); // prettier-ignore
    expect(probe('struct socket *s; s = sk->sk_socket; return s->state;')).toBe(' struct socket *s; s = BPF_CORE_READ(sk, sk_socket); return BPF_CORE_READ(s, state); }'); // prettier-ignore
  });

  it('keeps addresses: &p->a, arrays at the end of a chain, and probe-read sources that are addresses', () => {
    expect(probe('char n[16]; bpf_probe_read_kernel_str(n, 16, ((struct sk_buff *)sk)->dev->name); return 0;')).toContain('(BPF_CORE_READ((struct sk_buff *)(sk), dev))->name'); // prettier-ignore
    expect(probe('u16 f; bpf_probe_read_kernel(&f, 2, &sk->__sk_common.skc_family); return f;')).toContain('&sk->__sk_common.skc_family'); // prettier-ignore
    expect(probe('return sizeof(*sk) + sizeof(sk->sk_mark);')).toBe(' return sizeof(*sk) + sizeof(sk->sk_mark); }');
  });
});

if (!CLANG) console.warn('\n*** SKIPPING tracepoint record offsets: clang-19 is not installed ***\n');

describe.skipIf(!CLANG)('tracepoint record structs', () => {
  it('put every field at the offset and size of the simulated record (the format file)', () => {
    const defs = [...TRACEPOINTS.values()];
    const structs = defs.map((d) => tracepointStruct(d.category, d.name, 1)).join('\n');
    const checks = defs.flatMap((d) =>
      d.layout.members.map((m) => {
        const member = d.dataLoc.includes(m) ? `data_loc_${m}` : m;
        const type = `struct tracepoint__${d.category}__${d.name}`;
        const f = d.layout.fields.get(m)!;
        return { expr: `__builtin_offsetof(${type}, ${member}) * 1000 + sizeof(((${type} *)0)->${member})`, want: BigInt(f.offset * 1000 + f.size) }; // prettier-ignore
      }),
    );
    const got = evaluate(
      checks.map((c) => c.expr),
      `#include "vmlinux.h"\n${structs}`,
    );
    expect(got).toEqual(checks.map((c) => c.want));
  });
});

if (!HAS_COMPILER) console.warn('\n*** SKIPPING BCC dialect runs: neither clang.wasm nor clang-19 is available ***\n');

describe.skipIf(!HAS_COMPILER)(`BCC dialect programs on the simulated kernel (${COMPILER_NAME})`, () => {
  const run = async (program: string, workload: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'bcc-dialect-'));
    try {
      writeFileSync(join(dir, 'w.txt'), workload);
      let out = '';
      const io = { out: (t: string) => void (out += t), err: (t: string) => void (out += `ERR ${t}`) };
      const args = [join(import.meta.dirname, 'programs', program), '--workload', join(dir, 'w.txt'), '--cpus', '2', '--json']; // prettier-ignore
      const status = await runAttachCommand(args, io, compileForTests);
      expect(status).toBe(0);
      const report = JSON.parse(out) as AttachReport;
      expect(report.runs.filter((r) => 'error' in r)).toEqual([]);
      return report.runs.flatMap((r) => ('trace' in r ? r.trace : []));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('reads kernel memory through every dereference form', { timeout: 60_000 }, async () => {
    const trace = await run('derefs.c', 'at 0ms: nc connects to 127.0.0.1:8080 and sends 100 bytes\n');
    expect(trace.slice(0, 4)).toEqual(['task 1201 parent 1200 grandparent 1', 'parent uid 1000 gid 1000', 'own uid 1000', 'rx lo len 40 (40)']); // prettier-ignore
    expect(trace).toContain('rx lo len 140 (140)');
  });

  it('gives TRACEPOINT_PROBE programs their records', { timeout: 60_000 }, async () => {
    const trace = await run('tracepoints.c', 'at 0ms: cat reads 4 KiB from /etc/passwd\n');
    expect(trace).toEqual(['exec pid 1201 /usr/bin/cat', 'openat dfd=-100 flags=0 /etc/passwd', 'openat returned 3']);
  });
});
