/** The BCC Python front's block structure: which branches run, and the buffers a script opens. */
import { describe, expect, it } from 'vitest';
import { parseBccScript, scriptPrinter } from '../../src/bpf/bcc';

const C = 'b = BPF(text="int f(void *ctx) { return 0; }")\n';
const attached = (script: string) =>
  parseBccScript(C + script).attachments.map((a) => `${a.attachment.type}:${a.attachment.target}`);

describe('BCC Python front: control flow', () => {
  it('takes the first if/elif/else branch whose condition holds, asking the simulated kernel', () => {
    const script = `
if BPF.get_kprobe_functions(b'__blk_account_io_done'):
    b.attach_kprobe(event="__blk_account_io_done", fn_name="f")
elif BPF.get_kprobe_functions(b'blk_account_io_done'):
    b.attach_kprobe(event="blk_account_io_done", fn_name="f")
else:
    b.attach_kprobe(event="blk_mq_end_request", fn_name="f")
`;
    expect(attached(script)).toEqual(['kprobe:blk_account_io_done']);
    expect(attached(script.replace(/b'blk_account_io_done'/, "b'no_such_fn'"))).toEqual(['kprobe:blk_mq_end_request']);
  });

  it('counts conditions it cannot evaluate (argv options) as false, and evaluates literals', () => {
    const script = `
if args.pid:
    b.attach_kprobe(event="vfs_read", fn_name="f")
else:
    b.attach_kprobe(event="vfs_write", fn_name="f")
if 1 and not False: b.attach_kprobe(event="tcp_connect", fn_name="f")
if __name__ == "__main__" and "a" != "a":
    b.attach_kprobe(event="do_exit", fn_name="f")
`;
    expect(attached(script)).toEqual(['kprobe:vfs_write', 'kprobe:tcp_connect']);
  });

  it('reads loop and try bodies once, skips except and def bodies, and nests blocks', () => {
    const script = `
def unused():
    b.attach_kprobe(event="do_exit", fn_name="f")
while True:
    try:
        if BPF.tracepoint_exists("sched", "sched_switch"):
            b.attach_tracepoint(tp="sched:sched_switch", fn_name="f")
        b.trace_print()
    except KeyboardInterrupt:
        b.attach_kprobe(event="vfs_read", fn_name="f")
        exit()
`;
    expect(attached(script)).toEqual(['tracepoint:sched:sched_switch']);
    expect(parseBccScript(C + script).output.trace).toBe(true);
  });

  it('records the perf and ring buffers a script opens, with their callbacks', () => {
    const s = parseBccScript(`${C}
def print_event(cpu, data, size):
    event = b["events"].event(data)
    print(event.pid)
b["events"].open_perf_buffer(print_event)
b["ring"].open_ring_buffer(lambda ctx, data, size: 0)
while 1:
    b.perf_buffer_poll()
`);
    expect(s.output.buffers).toEqual([
      { map: 'events', kind: 'perf', callback: 'print_event' },
      { map: 'ring', kind: 'ring', callback: null },
    ]);
  });

  it("runs a buffer callback per record: b[...].event(data) fields, % formatting, print's separator", () => {
    const print = scriptPrinter(`${C}
HEADER = "%-6s %s"
def show(cpu, data, size):
    e = b["events"].event(data)
    if e.pid == 1:
        print("init!")
    print("%-6d|%5.2f|%x|%s" % (e.pid, e.ts / 1e9, e.flags, e.comm.decode("utf-8")), size, sep=" ; ")
    printb(b"%s" % HEADER)
b["events"].open_perf_buffer(show)
`);
    const record = { pid: 1201, ts: 5_500_000_000, flags: 255, comm: 'curl' };
    expect(print('show', 0, record, 24)).toEqual(['1201  | 5.50|ff|curl ; 24', '%-6s %s']);
    expect(print('show', 1, { ...record, pid: 1 }, 24)[0]).toBe('init!');
    expect(print('nope', 0, record, 24)).toEqual([]);
  });

  it('keeps `global` names across callbacks and reads records cast with ctypes', () => {
    const print = scriptPrinter(`${C}
import ctypes as ct
start = 0
def print_event(cpu, data, size):
    global start
    event = ct.cast(data, ct.POINTER(Data)).contents
    if start == 0:
        start = event.ts
    print("%-10.3f %s" % ((float(event.ts - start)) / 1000000000, event.comm))
b["events"].open_perf_buffer(print_event)
`);
    expect(print('print_event', 0, { ts: 5_000_000_000, comm: 'sh' }, 16)).toEqual(['0.000      sh']);
    expect(print('print_event', 0, { ts: 6_500_000_000, comm: 'ls' }, 16)).toEqual(['1.500      ls']);
  });
});
