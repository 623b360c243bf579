/**
 * The BCC dialect: detection, the rewrite's output, the Python front, and BCC programs compiled
 * (clang.wasm, else native clang-19) and run on the simulated kernel through the CLI's attach path.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BccError,
  isBccSource,
  KERNEL_SAMPLE_HEADERS,
  parseBccScript,
  PLAYGROUND_UAPI_HEADERS,
  rewriteBcc,
} from '../../src/bpf/bcc';
import { formatLog2Hist } from '../../src/bpf/bcc/hist';
import { parseAttachment } from '../../src/bpf/kernel';
import type { AttachReport } from '../../src/bpf/session';
import { runAttachCommand } from '../../src/cli/commands/run';
import { HEADERS_DISK_DIR } from '../../src/compiler/headers/node-headers';
import { COMPILER_NAME, compileForTests, HAS_COMPILER } from '../seeds/compile';

const SEEDS = join(import.meta.dirname, '../seeds');
const seed = (path: string) => readFileSync(join(SEEDS, path), 'utf8');
const scriptText = (path: string) => parseBccScript(seed(path)).text!;

describe('BCC detection', () => {
  it('recognises the BCC seeds and not the libbpf ones', () => {
    expect(isBccSource(scriptText('1-hello-world/hello_world.py'))).toBe(true);
    expect(isBccSource(scriptText('5-disksnoop/disksnoop.py'))).toBe(true);
    expect(isBccSource(seed('3-xdp-ping/ping.bpf.c'))).toBe(true);
    expect(isBccSource(seed('2-xdp-hello/hello.bpf.c'))).toBe(false);
    expect(isBccSource(seed('4-tracex1/tracex1.bpf.c'))).toBe(false);
  });
});

describe('BCC rewrite', () => {
  it('knows which UAPI headers the playground has (the list mirrors the header tree)', () => {
    const tree = ['linux', 'asm'].flatMap((d) => readdirSync(join(HEADERS_DISK_DIR, d)).map((f) => `${d}/${f}`));
    const kernelOnly = [...KERNEL_SAMPLE_HEADERS, 'linux/version.h'];
    expect([...PLAYGROUND_UAPI_HEADERS].sort()).toEqual(tree.filter((h) => !kernelOnly.includes(h)).sort());
  });

  it('turns map declarations into BTF maps with BCC defaults', () => {
    const out = rewriteBcc('BPF_HASH(a);\nBPF_HISTOGRAM(h);\nBPF_HISTOGRAM(hs, struct key_t, 16);\nBPF_RINGBUF_OUTPUT(rb, 8);\n').source; // prettier-ignore
    expect(out).toContain(
      'typedef u64 __bcc_a_key; typedef u64 __bcc_a_leaf; struct { __uint(type, BPF_MAP_TYPE_HASH);',
    );
    expect(out).toMatch(/h_leaf; struct \{ __uint\(type, BPF_MAP_TYPE_ARRAY\);.*__uint\(max_entries, 64\); \} h SEC/);
    expect(out).toMatch(/typedef struct key_t __bcc_hs_key;.*BPF_MAP_TYPE_HASH.*max_entries, 16\)/);
    expect(out).toContain('__uint(max_entries, (8) * 4096); } rb SEC(".maps");');
  });

  it('keeps the user lines where they were (#line plus the same newlines)', () => {
    const source = scriptText('5-disksnoop/disksnoop.py');
    const out = rewriteBcc(source, { fileName: 'disksnoop.c' }).source;
    const user = out.slice(out.indexOf('#line 1 "disksnoop.c"\n') + '#line 1 "disksnoop.c"\n'.length);
    expect(user.split('\n').length).toBeGreaterThanOrEqual(source.split('\n').length);
    const at = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
    for (const needle of ['u64 ts = bpf_ktime_get_ns();', 'start.delete(&req);', 'delta = bpf_ktime_get_ns() - *tsp;'])
      expect(at(user, needle.replace('start.delete(&req)', 'bpf_map_delete_elem((void *)&start, &req)')), needle).toBe(at(source, needle)); // prettier-ignore
  });

  it('reads probe arguments from PT_REGS_PARMn, and from the user registers for syscall wrappers', () => {
    const out = rewriteBcc(
      'int trace(struct pt_regs *ctx, struct sock *sk, int len) { return sk->__sk_common.skc_family + len; }\n' +
        'int hello(struct pt_regs *ctx, int family) { return family; }\n',
      { attachments: new Map([['trace', parseAttachment('kprobe:tcp_sendmsg')], ['hello', parseAttachment('kprobe:__x64_sys_socket')]]) }, // prettier-ignore
    ).source;
    expect(out).toContain('SEC("kprobe/tcp_sendmsg") int trace(struct pt_regs *ctx)');
    expect(out).toContain('struct sock * sk = (struct sock *)PT_REGS_PARM1(((struct pt_regs *)(ctx)));');
    expect(out).toContain('int len = (int)PT_REGS_PARM2(');
    expect(out).toContain('return BPF_CORE_READ(sk, __sk_common.skc_family) + len;');
    expect(out).toContain('int family = (int)PT_REGS_PARM1_CORE_SYSCALL(PT_REGS_SYSCALL_REGS(');
  });

  it('leaves addresses, writes and array members alone and reads the rest', () => {
    const out = rewriteBcc(
      'int kprobe__wake_up_new_task(struct pt_regs *ctx, struct task_struct *p) {\n' +
        '  void *a = &p->real_parent->pid; char *c = p->comm; int x = p->real_parent->real_parent->pid;\n' +
        '  bpf_probe_read_kernel(&x, sizeof(p->pid), &p->pid); return x; }\n',
    ).source;
    expect(out).toContain('void *a = &(BPF_CORE_READ(p, real_parent))->pid;');
    expect(out).toContain('char *c = p->comm;');
    expect(out).toContain('int x = BPF_CORE_READ(p, real_parent, real_parent, pid);');
    expect(out).toContain('bpf_probe_read_kernel(&x, sizeof(p->pid), &p->pid);');
  });

  it('explains what it cannot do', () => {
    expect(() => rewriteBcc('BPF_HASH(m);\nint f(void *ctx) { m.pop(); return 0; }')).toThrow(/line 2: m.pop\(\): BCC maps have no method 'pop'/); // prettier-ignore
    expect(() => rewriteBcc('BPF_ARRAY(m);\nint f(void *ctx) { return m.lookup(); }')).toThrow(/m.lookup\(\) takes 1 arguments, got 0/); // prettier-ignore
    expect(() => rewriteBcc('int kprobe__do_exit(struct pt_regs *ctx, long a, long b) { return 0; }')).toThrow(/do_exit gives at most 1 arguments/); // prettier-ignore
    expect(() => rewriteBcc('BPF_RINGBUF_OUTPUT(r);')).toThrow(BccError);
  });
});

describe('BCC Python front', () => {
  it('reads hello_world.py: the C text and the socket syscall kprobe', () => {
    const s = parseBccScript(seed('1-hello-world/hello_world.py'));
    expect(s.text).toContain('bpf_trace_printk("Hello, World!");');
    expect(s.attachments).toEqual([{ attachment: { type: 'kprobe', target: '__x64_sys_socket' }, program: 'hello_world' }]); // prettier-ignore
    expect(s.output.trace).toBe(true);
  });

  it('reads disksnoop.py past its formatting loop, with Python escapes resolved', () => {
    const s = parseBccScript(seed('5-disksnoop/disksnoop.py'));
    expect(s.text).toContain('bpf_trace_printk("%d %x %d\\n", req->__data_len,');
    expect(s.attachments.map((a) => `${a.attachment.type}:${a.attachment.target}=${a.program}`)).toEqual([
      'kprobe:blk_mq_start_request=trace_start',
      'kprobe:blk_account_io_done=trace_completion',
    ]);
  });

  it('reads src_file, load_func/attach_xdp, tracepoints, kretprobes and histograms', () => {
    const s = parseBccScript(`from bcc import BPF
prog = "int a(void *ctx) { return 0; }" + ' // two parts'
b = BPF(src_file = "tool.c")
b.attach_kretprobe(event=b"vfs_read", fn_name=b"a")
b.attach_tracepoint(tp="sched:sched_switch", fn_name="sw")
b.attach_raw_tracepoint(tp="sched_switch", fn_name="raw")
fn = b.load_func("xdp_main", BPF.XDP)
b.attach_xdp(dev=sys.argv[1], fn=fn, flags=0)
while True:
    try:
        sleep(1)
    except KeyboardInterrupt:
        break
b["dist"].print_log2_hist("usecs")
`);
    expect(s.srcFile).toBe('tool.c');
    expect(s.attachments.map((a) => `${a.attachment.type}:${a.attachment.target}=${a.program}`)).toEqual([
      'kretprobe:vfs_read=a', 'tracepoint:sched:sched_switch=sw', 'raw_tracepoint:sched_switch=raw', 'xdp:eth0=xdp_main',
    ]); // prettier-ignore
    expect(s.output).toEqual({ trace: false, histograms: [{ map: 'dist', label: 'usecs' }], buffers: [] });
  });

  it('says what it needs when the script computes the program', () => {
    expect(() => parseBccScript('from bcc import BPF\nb = BPF(text=open("x.c").read())\n')).toThrow(/BPF\(\.\.\.\) needs text=/); // prettier-ignore
    expect(() => parseBccScript('b = BPF(text="int f(void *c) { return 0; }")\nb.attach_kprobe(event=name, fn_name="f")')).toThrow(/attach_kprobe target must be a string/); // prettier-ignore
  });
});

describe('print_log2_hist', () => {
  it('prints the buckets from the first to the last non-empty one, bars scaled to the largest', () => {
    const le = (n: number, bytes: number) => Array.from({ length: bytes }, (_, i) => (i < 4 ? (n >> (8 * i)) & 0xff : 0).toString(16).padStart(2, '0')).join(''); // prettier-ignore
    const entries = [0, 0, 4, 1, 0, 2].map((count, slot) => ({ key: le(slot, 4), value: le(count, 8) }));
    expect(formatLog2Hist({ type: 'array', entries }, 'usecs')).toBe(
      [
        '              usecs     : count     distribution',
        '         1 -> 1         : 0        |                                        |',
        '         2 -> 3         : 4        |****************************************|',
        '         4 -> 7         : 1        |**********                              |',
        '         8 -> 15        : 0        |                                        |',
        '        16 -> 31        : 2        |********************                    |',
      ].join('\n'),
    );
  });
});

if (!HAS_COMPILER) console.warn('\n*** SKIPPING BCC programs: neither clang.wasm nor clang-19 is available ***\n');

describe.skipIf(!HAS_COMPILER)(`BCC programs on the simulated kernel (${COMPILER_NAME})`, () => {
  const run = async (args: string[]) => {
    let out = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (out += `ERR ${t}`) };
    const status = await runAttachCommand([...args, '--cpus', '2', '--json'], io, compileForTests);
    return { status, report: JSON.parse(out) as AttachReport };
  };

  it(
    'runs every supported BCC feature without a fault: maps, methods, arguments, kernel reads',
    { timeout: 60_000 },
    async () => {
      const { status, report } = await run([join(import.meta.dirname, 'programs/features.c'), '--workload-preset', 'files']); // prettier-ignore
      expect(status).toBe(0);
      const errors = report.runs.filter((r) => 'error' in r);
      expect(errors).toEqual([]);
      const trace = report.runs.flatMap((r) => ('trace' in r ? r.trace : []));
      expect(trace).toContain('openat /etc/passwd');
      expect(trace).toContain('openat returned 3');
      expect(trace).toContain('vfs_write 12288 bytes, f_flags 1');
      expect(trace.find((t) => t.startsWith('new task'))).toMatch(/^new task 12\d\d of 1200 \(bash\)$/);
      // increment (slot 1, per openat) and atomic_increment (slot 0, per vfs_write) on one array.
      const calls = report.maps.calls!.entries.map((e) => e.value);
      const writes = report.runs.filter((r) => r.context.startsWith('kprobe:vfs_write')).length;
      const opens = report.runs.filter((r) => r.context.startsWith('kprobe:__x64_sys_openat')).length;
      expect(calls.slice(0, 2)).toEqual([writes, opens].map((n) => n.toString(16).padStart(2, '0').padEnd(16, '0')));
      expect(report.maps.writes_by_pid!.entries.length).toBeGreaterThan(0);
    },
  );

  it("compiles errors back to the user's lines", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcc-lines-'));
    const bad = join(dir, 'bad-line.c');
    writeFileSync(
      bad,
      'BPF_HASH(m);\n\nint kprobe__do_exit(struct pt_regs *ctx) {\n  m.update(&nope, &nope);\n  return 0;\n}\n',
    );
    try {
      const { report } = await run([bad, '--bcc']);
      expect((report as unknown as { error: string }).error).toMatch(
        /bad-line\.c:4:\d+: error: use of undeclared identifier 'nope'/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
