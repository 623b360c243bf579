/**
 * Attach runs, one golden folder per attach-point family (kprobe, kretprobe, tracepoint, raw
 * tracepoint; XDP is covered by the seeds), plus the `run --attach --json` contract and the
 * runner's behaviour: one address space for every firing, faults reported per firing, plans checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KERNEL_FUNCTIONS, SYSCALLS, TRACEPOINTS } from '../../src/bpf/kernel';
import type { AttachReport } from '../../src/bpf/session';
import { runAttachCommand } from '../../src/cli/commands/run';
import { workloadsCommand } from '../../src/cli/commands/workloads';
import { COMPILER_NAME, compileForTests, HAS_COMPILER } from '../seeds/compile';
import { goldenFolders, goldenTests, runGolden } from '../seeds/golden';

const DIR = import.meta.dirname;
const SEEDS = join(DIR, '../seeds');

if (!HAS_COMPILER) console.warn('\n*** SKIPPING attach runs: neither clang.wasm nor clang-19 is available ***\n');

async function cli(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
  const status = await runAttachCommand([...args, '--cpus', '2'], io, compileForTests);
  return { status, out, err };
}

describe.skipIf(!HAS_COMPILER)(`attach-point families (compiled with ${COMPILER_NAME})`, () => {
  it('covers every family', () => {
    expect(goldenFolders(DIR)).toEqual(['kprobe', 'kretprobe', 'perf_output', 'raw_tracepoint', 'ringbuf_output', 'tracepoint']); // prettier-ignore
  });
  goldenTests(DIR);
});

describe.skipIf(!HAS_COMPILER)('run --attach --json', () => {
  it('keeps the packet-run contract and adds a context to each run', { timeout: 60_000 }, async () => {
    const { status, out } = await runGolden(join(SEEDS, '2-xdp-hello'), ['--json']);
    expect(status).toBe(0);
    const report = JSON.parse(out) as AttachReport;
    expect(Object.keys(report)).toEqual(['verifier', 'runs', 'maps']);
    expect(report.verifier.accepted).toBe(true);
    expect(report.runs).toHaveLength(3);
    for (const run of report.runs) expect(Object.keys(run)).toEqual(['retval', 'packet', 'trace', 'context']);
    const first = report.runs[0]!;
    expect(first).toMatchObject({ retval: 2, trace: ['Packet received 0'] }); // XDP_PASS
    expect(first.context).toMatch(/^xdp:eth0 .*10\.0\.0\.2/);
    // XDP runs report the frame (an ICMP echo request from 10.0.0.2: EtherType 0800, protocol 1).
    expect('packet' in first && first.packet.slice(24, 28)).toBe('0800');
    expect(report.maps['.bss']!.entries).toEqual([{ key: '00000000', value: '03000000' }]);
  });

  it(
    'adds "records" only to runs that sent perf/ring buffer records, decoded by their C type',
    { timeout: 60_000 },
    async () => {
      // prettier-ignore
      const { status, out } = await runGolden(join(DIR, 'perf_output'), ['--json']);
      expect(status).toBe(0);
      const report = JSON.parse(out) as AttachReport;
      expect(report.runs).toHaveLength(4);
      for (const run of report.runs)
        expect(Object.keys(run)).toEqual(['retval', 'packet', 'trace', 'context', 'records']);
      const [record] = report.runs[0]!.records!;
      expect(record).toMatchObject({ map: 'events', cpu: 0, value: { pid: 1201, ppid: 1200, comm: 'bash' } });
      // u32 pid, u32 ppid, u64 ts, char comm[16]: the raw bytes are there too.
      expect(record!.data.slice(0, 16)).toBe('b1040000b0040000');
      const plain = JSON.parse((await runGolden(join(DIR, 'kprobe'), ['--json'])).out) as AttachReport;
      for (const run of plain.runs) expect('records' in run).toBe(false);
    },
  );

  it(
    'gives kprobe runs an empty packet and the event summary; the map carries across firings',
    { timeout: 60_000 },
    async () => {
      const { out } = await runGolden(join(DIR, 'kprobe'), ['--json']);
      const report = JSON.parse(out) as AttachReport;
      expect(report.runs.map((r) => ('packet' in r ? r.packet : null))).toEqual(report.runs.map(() => ''));
      expect(report.runs[0]!.context).toBe('kprobe:tcp_v4_connect curl (pid 1201) tcp_v4_connect 93.184.216.34:80');
      expect(report.maps.connects!.entries).toHaveLength(report.runs.length);
    },
  );

  it(
    'derives attachments from SEC() names, and takes --attach TYPE:TARGET=FUNCTION instead',
    { timeout: 60_000 },
    async () => {
      const prog = join(DIR, 'tracepoint/switch.bpf.c');
      const { out } = await cli([prog, '--attach', 'tracepoint:syscalls:sys_enter_openat=on_openat', '--workload-preset', 'files', '--json']); // prettier-ignore
      const report = JSON.parse(out) as AttachReport;
      expect(report.runs.map((r) => r.context.split(' ')[0])).toEqual(['tracepoint:syscalls:sys_enter_openat', 'tracepoint:syscalls:sys_enter_openat', 'tracepoint:syscalls:sys_enter_openat']); // prettier-ignore
      // Only on_openat ran: the sched_switch counter in .bss stayed 0.
      expect(report.maps['.bss']!.entries[0]!.value).toBe('0000000000000000');
    },
  );

  it('refuses plans the kernel would refuse, naming the programs', async () => {
    const prog = join(DIR, 'tracepoint/switch.bpf.c');
    const many = await cli([prog, '--attach', 'tracepoint:sched:sched_switch', '--workload-preset', 'exec']);
    expect(many.status).toBe(1);
    expect(many.err).toMatch(/the object has 2 programs, say which one with tracepoint:sched:sched_switch=FUNCTION \(on_switch/); // prettier-ignore
    const wrongType = await cli([prog, '--attach', 'kprobe:vfs_read=on_switch']);
    expect(wrongType.err).toMatch(/on_switch \(SEC "tracepoint\/sched\/sched_switch"\) is a tracepoint program; kprobe:vfs_read needs a kprobe program/); // prettier-ignore
    const unknown = await cli([prog, '--attach', 'kprobe:socket=on_switch']);
    expect(unknown.err).toMatch(/did you mean __x64_sys_socket/);
  });
});

describe('workloads --points', () => {
  it('lists every kernel function with its prototype and every tracepoint with its fields', async () => {
    let out = '';
    const io = { out: (t: string) => void (out += `${t}\n`), err: (t: string) => void (out += `ERR ${t}`) };
    expect(await workloadsCommand.run(['--points', '--json'], io)).toBe(0);
    const points = JSON.parse(out) as { functions: { name: string; prototype: string }[]; tracepoints: { name: string; fields: string[] }[] }; // prettier-ignore
    expect(points.functions.map((f) => f.name)).toEqual([...KERNEL_FUNCTIONS.keys()]);
    expect(points.functions.find((f) => f.name === 'tcp_v4_connect')?.prototype).toBe('int tcp_v4_connect(struct sock * sk, struct sockaddr * uaddr, int addr_len)'); // prettier-ignore
    expect(points.tracepoints.find((t) => t.name === 'sched:sched_switch')?.fields).toEqual(['prev_comm', 'prev_pid', 'prev_prio', 'prev_state', 'next_comm', 'next_pid', 'next_prio']); // prettier-ignore
    expect(points.tracepoints).toHaveLength(TRACEPOINTS.size);
  });
});

describe('README', () => {
  it('lists every attach point of the simulated kernel', () => {
    const readme = readFileSync(join(DIR, '../../README.md'), 'utf8');
    const names = [
      ...[...KERNEL_FUNCTIONS.keys()].filter((n) => !n.startsWith('__x64_sys_')),
      ...SYSCALLS.keys(),
      ...[...TRACEPOINTS.keys()].filter((n) => !n.startsWith('syscalls:')),
    ];
    expect(names.filter((n) => !readme.includes(`\`${n}\``))).toEqual([]);
  });
});
