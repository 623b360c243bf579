/**
 * The event stream and the memory behind it, read the way BPF programs read it: through GuestMemory at the
 * offsets of the playground vmlinux.h (what bpf_probe_read_kernel/_user do), from pt_regs contexts.
 */
import { describe, expect, it } from 'vitest';

import {
  KERNEL_STRUCTS,
  parseAttachment,
  Simulation,
  simulate,
  symbolize,
  syscallFnName,
  workloadPreset,
  type Firing,
} from '../../src/bpf/kernel';
import { AddressSpace, VmFault } from '../../src/bpf/vm';

const off = (struct: string, path: string) => KERNEL_STRUCTS.get(struct).fields.get(path)!.offset;
const u64 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getBigUint64(at, true);
const reg = (f: Firing, name: string) => u64(f.ctx, off('pt_regs', name));

function readU64(mem: AddressSpace, addr: bigint): bigint {
  return u64(mem.view(addr, 8, false), 0);
}
function readStr(mem: AddressSpace, addr: bigint, max = 64): string {
  const b = mem.view(addr, Math.min(max, mem.regionAt(addr)!.size - Number(addr & 0xffffffffn)), false);
  return String.fromCharCode(...b.subarray(0, b.indexOf(0)));
}

describe('simulated kernel', () => {
  it('is deterministic: the same workload gives the same events, contexts and addresses', () => {
    const run = () => {
      const attach = ['kprobe:tcp_v4_connect', 'tracepoint:sched:sched_switch', 'kretprobe:vfs_write', 'xdp:eth0'];
      return [...simulate(workloadPreset('demo'), attach.map(parseAttachment), new AddressSpace())].map(
        (f) => `${f.time} ${f.summary} ${Buffer.from(f.ctx).toString('hex')} ${f.stack.kernel.join(',')}`,
      );
    };
    const first = run();
    expect(first.length).toBeGreaterThan(50);
    expect(run()).toEqual(first);
  });

  it('runs the demo for a few simulated seconds with every family of events', () => {
    const sim = new Simulation(workloadPreset('demo'), new AddressSpace());
    const seen = new Set<string>();
    let last = 0n;
    for (const e of sim.events()) {
      seen.add(e.kind === 'entry' ? e.fn : e.kind === 'tracepoint' ? `${e.tp.category}:${e.tp.name}` : e.kind);
      last = e.time;
    }
    for (const name of [
      '__x64_sys_execve', 'sched:sched_process_exec', 'sched:sched_process_fork', 'sched:sched_process_exit',
      'sched:sched_switch', '__x64_sys_socket', 'tcp_v4_connect', 'tcp_connect', 'tcp_sendmsg', 'vfs_read',
      'vfs_write', 'do_sys_openat2', '__netif_receive_skb_core', 'ip_rcv', 'icmp_rcv', 'net:netif_receive_skb',
      'blk_mq_start_request', 'blk_account_io_done', 'block:block_rq_issue', 'block:block_rq_complete',
      'tcp:tcp_retransmit_skb', 'do_exit', 'wake_up_new_task', 'packet',
    ]) expect(seen, name).toContain(name); // prettier-ignore
    expect(Number(last - sim.world.k.idle.obj.get('start_time'))).toBeGreaterThan(2e9);
  });

  it('passes syscall arguments through the user pt_regs *regs of __x64_sys_* (PT_REGS_PARM1_SYSCALL)', () => {
    const mem = new AddressSpace();
    const text = 'at 0ms: curl connects to 93.184.216.34:80';
    const attach = ['kprobe:__x64_sys_socket', 'kprobe:__x64_sys_connect'].map(parseAttachment);
    const seen: string[] = [];
    // Memory is live: read it while the firing is current, as the runner does.
    for (const f of simulate(text, attach, mem)) {
      const regs = reg(f, 'di');
      expect(mem.regionAt(regs)?.kind).toBe('kernel');
      const args = ['di', 'si', 'dx'].map((r) => readU64(mem, regs + BigInt(off('pt_regs', r))));
      if (f.attachmentIndex === 0) {
        expect(args).toEqual([2n, 1n, 6n]); // socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)
      } else {
        // connect(fd, uservaddr, 16): the sockaddr_in is in user memory.
        expect(mem.regionAt(args[1]!)?.kind).toBe('user');
        expect([...mem.view(args[1]!, 8, false)]).toEqual([2, 0, 0, 80, 93, 184, 216, 34]);
        expect(args[2]).toBe(16n);
        expect(f.task).toMatchObject({ pid: 1201, tgid: 1201, comm: 'curl', uid: 1000 });
      }
      seen.push(f.summary);
    }
    expect(seen).toEqual(['curl (pid 1201) __x64_sys_socket AF_INET type=1 proto=6', 'curl (pid 1201) __x64_sys_connect 93.184.216.34:80']); // prettier-ignore
    expect(syscallFnName('socket')).toBe('__x64_sys_socket');
  });

  it('gives tracex1 an skb whose dev->name is "lo" for loopback and "eth0" for the network', () => {
    const mem = new AddressSpace();
    const text = 'at 0ms: nc connects to 127.0.0.1:8080 and sends 100 bytes\nping 10.0.0.2 once';
    const names = Array.from(simulate(text, [parseAttachment('kprobe:__netif_receive_skb_core')], mem), (f) => {
      const skb = reg(f, 'di'); // PT_REGS_PARM1
      const dev = readU64(mem, skb + BigInt(off('sk_buff', 'dev')));
      const len = Number(readU64(mem, skb + BigInt(off('sk_buff', 'len'))) & 0xffffffffn);
      return `${readStr(mem, dev + BigInt(off('net_device', 'name')))} ${len}`;
    });
    expect(names).toContain('lo 140'); // 20 IP + 20 TCP + 100 payload
    expect(names).toContain('eth0 84'); // ICMP echo reply: 20 + 8 + 56
  });

  it('keeps a struct request * stable from blk_mq_start_request to blk_account_io_done (disksnoop)', () => {
    const mem = new AddressSpace();
    const attach = ['kprobe:blk_mq_start_request', 'kprobe:blk_account_io_done'].map(parseAttachment);
    const firings = [...simulate('dd writes 256 KiB to /dev/sda', attach, mem)];
    expect(firings.map((f) => f.attachmentIndex)).toEqual([0, 1, 0, 1]);
    const [start, done] = firings;
    expect(reg(done!, 'di')).toBe(reg(start!, 'di'));
    const rq = reg(start!, 'di');
    expect(readU64(mem, rq + BigInt(off('request', '__data_len'))) & 0xffffffffn).toBe(131072n);
    expect(done!.time - start!.time).toBeGreaterThan(150_000n);
  });

  it('puts the return value in ax for kretprobes and the record fields in tracepoints', () => {
    const mem = new AddressSpace();
    const attach = ['kretprobe:do_sys_openat2', 'tracepoint:syscalls:sys_enter_openat'].map(parseAttachment);
    const seen: string[] = [];
    for (const f of simulate('cat reads 1 KiB from /etc/passwd', attach, mem)) {
      if (f.attachmentIndex === 1)
        seen.push(readStr(mem, u64(f.ctx, 24))); // sys_enter_openat: filename at 24
      else seen.push(`${reg(f, 'ax')} ${symbolize(reg(f, 'ip'))?.replace(/\+.*/, '')}`);
    }
    expect(seen).toEqual(['/etc/passwd', '3 __x64_sys_openat']);
  });

  it('faults on pointers outside kernel and user memory (what probe_read turns into -EFAULT)', () => {
    const mem = new AddressSpace();
    let task = 0n;
    for (const f of simulate('at 0ms: bash runs "true"', [parseAttachment('kprobe:wake_up_new_task')], mem)) {
      task = reg(f, 'di');
      expect(readStr(mem, task + BigInt(off('task_struct', 'comm')))).toBe('bash');
      expect(readU64(mem, task + BigInt(off('task_struct', 'pid'))) & 0xffffffffn).toBe(1201n);
    }
    expect(() => mem.view(0n, 8, false)).toThrow(VmFault);
    expect(() => mem.view(task + (1n << 32n), 8, false)).toThrow(VmFault);
    expect(() => mem.view(task, 8, true)).toThrow(VmFault); // kernel memory is read-only to programs
  });

  it('gives symbolised kernel and user stacks', () => {
    const [f] = [...simulate('at 0ms: curl connects to 10.0.0.9:80', [parseAttachment('kprobe:tcp_v4_connect')], new AddressSpace())]; // prettier-ignore
    const names = f!.stack.kernel.map((a) => symbolize(a)?.replace(/\+.*/, ''));
    expect(names).toEqual([
      'tcp_v4_connect', '__inet_stream_connect', 'inet_stream_connect', '__sys_connect', '__x64_sys_connect',
      'x64_sys_call', 'do_syscall_64', 'entry_SYSCALL_64_after_hwframe',
    ]); // prettier-ignore
    expect(symbolize(f!.stack.user[0]!)).toMatch(/^__libc_connect\+/);
  });

  it('rejects attach targets the simulated kernel does not have, with a hint', () => {
    expect(() => parseAttachment('kprobe:socket')).toThrow(/did you mean __x64_sys_socket/);
    expect(() => parseAttachment('tracepoint:sched:nope')).toThrow(/no tracepoint/);
    expect(parseAttachment('raw_tracepoint:sched_switch').target).toBe('sched:sched_switch');
  });
});
