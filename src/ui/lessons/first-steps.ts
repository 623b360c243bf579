/**
 * The first track: from printing a line to a working XDP firewall and a kprobe tracer. Starter
 * code and reference solutions are the .c files next to this one.
 */
import { defaultLayer } from '../../bpf/inputs/packets/fields';
import type { Layer, LayerKind, LayerOf } from '../../bpf/inputs/packets/types';
import type { ExamplePacket } from '../../examples/meta';
import type { CheckPacket, LessonStep, LessonTrack } from './types';

const files = import.meta.glob<string>('./first-steps/*.c', { query: '?raw', import: 'default', eager: true });

function code(step: string, kind: 'starter' | 'solution'): string {
  const text = files[`./first-steps/${step}.${kind}.c`];
  if (text === undefined) throw new Error(`lesson file first-steps/${step}.${kind}.c is missing`);
  return text;
}

const layer = <K extends LayerKind>(kind: K, patch: Partial<LayerOf<K>> = {}): Layer =>
  ({ ...defaultLayer(kind), ...patch }) as Layer;

const tcp = (dstPort: number, label = `TCP to port ${dstPort}`): ExamplePacket => ({
  label,
  layers: [layer('ethernet'), layer('ipv4'), layer('tcp', { dstPort, flags: 0x002 })],
});
const udp = (dstPort: number, label = `UDP to port ${dstPort}`): ExamplePacket => ({
  label,
  layers: [layer('ethernet'), layer('ipv4'), layer('udp', { dstPort }), { kind: 'payload', hex: '68656c6c6f' }],
});
const icmp = (type: number, label: string): ExamplePacket => ({
  label,
  layers: [layer('ethernet'), layer('ipv4'), layer('icmp', { type, code: 0, id: 0x1234, seq: 1 })],
});
const ECHO_REQUEST = icmp(8, 'ping (ICMP echo request)');
const ECHO_REPLY = icmp(0, 'ping reply (ICMP echo reply)');
const UNREACHABLE = icmp(3, 'ICMP destination unreachable');
const IPV6: ExamplePacket = { label: 'IPv6 ICMPv6 echo', template: 'ipv6-icmpv6-echo' };
const ARP: ExamplePacket = { label: 'ARP request', template: 'arp-request' };

const expect = (p: ExamplePacket, verdict: string): CheckPacket => ({ ...p, verdict });

/** Little-endian hex of an unsigned integer of `bytes` bytes. */
const le = (n: number, bytes: number): string =>
  Array.from({ length: bytes }, (_, i) => (Math.floor(n / 2 ** (8 * i)) % 256).toString(16).padStart(2, '0')).join('');

const step = (s: Omit<LessonStep, 'starter' | 'solution'>): LessonStep => ({
  ...s,
  starter: code(s.id, 'starter'),
  solution: code(s.id, 'solution'),
});

const BLOCKED = [
  { map: 'blocked_ports', key: le(22, 2), value: '01' },
  { map: 'blocked_ports', key: le(23, 2), value: '01' },
];

export const FIRST_STEPS: LessonTrack = {
  id: 'first-steps',
  title: 'From hello world to a firewall and a tracer',
  summary:
    'Ten short steps: print from the kernel, give packets verdicts, parse headers past the verifier, count with maps, build a port firewall, then attach to kernel functions and tracepoints.',
  steps: [
    step({
      id: '01-hello',
      title: 'Hello, XDP',
      goal: 'Print "Hello, XDP!" for every packet and let it through.',
      prose: [
        'An eBPF program is a small function the kernel runs when something happens. This one is an `XDP` program: it runs for every packet that arrives on a network card, and its return value decides what happens to the packet.',
        "`bpf_printk()` writes a line to the kernel's trace buffer, which you read from `/sys/kernel/tracing/trace_pipe` — here, in the trace_pipe panel.",
        'Add a `bpf_printk("Hello, XDP!");` before the return, press Run to see it on the example packets, then Check.',
      ],
      hints: [
        'bpf_printk takes a format string like printf: bpf_printk("Hello, XDP!");',
        'Keep return XDP_PASS: the check also wants every packet to pass.',
      ],
      inputs: { kind: 'packets', packets: [tcp(80), ECHO_REQUEST] },
      check: {
        kind: 'packets',
        packets: [expect(tcp(443), 'XDP_PASS'), expect(udp(53), 'XDP_PASS'), expect(ECHO_REQUEST, 'XDP_PASS')],
        trace: [{ pattern: '^Hello, XDP!$', min: 3, label: 'Every packet prints "Hello, XDP!"' }],
      },
    }),
    step({
      id: '02-drop-all',
      title: 'Verdicts: drop everything',
      goal: 'Drop every packet.',
      prose: [
        "The value an XDP program returns is its verdict. `XDP_PASS` hands the packet to the kernel's network stack; `XDP_DROP` throws it away right there, before the kernel spends any work on it — this is how DDoS filters stay fast.",
        'There are also `XDP_TX` (send it back out of the same card) and `XDP_REDIRECT` (to another card or CPU). Change the program so that nothing gets through.',
      ],
      hints: ['One word changes: the return value.', 'return XDP_DROP;'],
      inputs: { kind: 'packets', packets: [tcp(80), ECHO_REQUEST] },
      check: {
        kind: 'packets',
        packets: [expect(tcp(22), 'XDP_DROP'), expect(udp(53), 'XDP_DROP'), expect(ARP, 'XDP_DROP')],
      },
    }),
    step({
      id: '03-ipv4-only',
      title: 'Reading the packet past the verifier',
      goal: 'Pass IPv4 packets, drop everything else.',
      prose: [
        'The packet is the bytes between `ctx->data` and `ctx->data_end`. To read the Ethernet header you cast `data` to `struct ethhdr *` — but the verifier refuses any read it cannot prove is inside the packet.',
        'So every header is read the same way: check that its end is not past `data_end`, then read. Try reading `eth->h_proto` without the check first, and look at what the Verifier panel says.',
        '`h_proto` is in network byte order (big endian); compare it with `bpf_htons(ETH_P_IP)`.',
      ],
      hints: [
        'if ((void *)(eth + 1) > data_end) return XDP_DROP;',
        'if (eth->h_proto != bpf_htons(ETH_P_IP)) return XDP_DROP; otherwise return XDP_PASS.',
      ],
      inputs: { kind: 'packets', packets: [tcp(80), IPV6, ARP] },
      check: {
        kind: 'packets',
        packets: [
          expect(tcp(443), 'XDP_PASS'),
          expect(ECHO_REPLY, 'XDP_PASS'),
          expect(IPV6, 'XDP_DROP'),
          expect(ARP, 'XDP_DROP'),
        ],
      },
    }),
    step({
      id: '04-drop-icmp',
      title: 'Parse IPv4: drop ICMP',
      goal: 'Drop IPv4 ICMP, pass everything else.',
      prose: [
        'Headers are parsed one after the other: the IPv4 header starts right after the Ethernet header, at `eth + 1`. It needs its own bounds check before you read `ip->protocol`.',
        '`IPPROTO_ICMP` (1) is what ping uses. Drop it and let TCP, UDP, IPv6 and ARP through.',
      ],
      hints: [
        'if ((void *)(ip + 1) > data_end) return XDP_PASS;',
        'if (ip->protocol == IPPROTO_ICMP) return XDP_DROP;',
      ],
      inputs: { kind: 'packets', packets: [ECHO_REQUEST, tcp(80), udp(53)] },
      check: {
        kind: 'packets',
        packets: [
          expect(ECHO_REQUEST, 'XDP_DROP'),
          expect(UNREACHABLE, 'XDP_DROP'),
          expect(tcp(22), 'XDP_PASS'),
          expect(udp(123), 'XDP_PASS'),
          expect(IPV6, 'XDP_PASS'),
          expect(ARP, 'XDP_PASS'),
        ],
      },
    }),
    step({
      id: '05-echo-requests',
      title: 'Drop only ICMP echo requests',
      goal: 'Drop pings (echo requests) only; replies and ICMP errors pass.',
      prose: [
        'Dropping all ICMP breaks useful things: "destination unreachable" and "fragmentation needed" are ICMP too, and TCP needs them. A better firewall drops only the echo requests that ping sends.',
        'The ICMP header starts after the IP header, whose length is `ip->ihl * 4` bytes (IP options make it longer than `sizeof(struct iphdr)`). Bounds-check it, then compare `icmp->type` with `ICMP_ECHO` (8).',
        'The starter drops every ICMP packet it reaches: the check sends replies and errors too, and they must pass.',
      ],
      hints: [
        'if ((void *)(icmp + 1) > data_end) return XDP_PASS;',
        'return icmp->type == ICMP_ECHO ? XDP_DROP : XDP_PASS;',
      ],
      inputs: { kind: 'packets', packets: [ECHO_REQUEST, ECHO_REPLY, UNREACHABLE] },
      check: {
        kind: 'packets',
        packets: [
          expect(ECHO_REQUEST, 'XDP_DROP'),
          expect(ECHO_REPLY, 'XDP_PASS'),
          expect(UNREACHABLE, 'XDP_PASS'),
          expect(icmp(8, 'another ping'), 'XDP_DROP'),
          expect(tcp(80), 'XDP_PASS'),
        ],
      },
    }),
    step({
      id: '06-count',
      title: 'Maps: count packets per protocol',
      goal: 'Count IPv4 packets per protocol in the counters map.',
      prose: [
        'Programs keep state in maps, which user space can read too (the Maps panel is your user space). This array map has one 64-bit counter per IP protocol number.',
        '`bpf_map_lookup_elem(&counters, &key)` returns a pointer to the value — or NULL, and the verifier insists you check. Increment it with `__sync_fetch_and_add`, which is atomic: other CPUs may be counting at the same time.',
      ],
      hints: [
        '__u32 key = ip->protocol; __u64 *value = bpf_map_lookup_elem(&counters, &key);',
        'if (value) __sync_fetch_and_add(value, 1);',
      ],
      inputs: { kind: 'packets', packets: [tcp(80), udp(53), ECHO_REQUEST] },
      check: {
        kind: 'packets',
        packets: [
          expect(tcp(80), 'XDP_PASS'),
          expect(tcp(443), 'XDP_PASS'),
          expect(udp(53), 'XDP_PASS'),
          expect(ECHO_REQUEST, 'XDP_PASS'),
          expect(tcp(22), 'XDP_PASS'),
        ],
        maps: [
          { map: 'counters', key: le(6, 4), value: le(3, 8) },
          { map: 'counters', key: le(17, 4), value: le(1, 8) },
          { map: 'counters', key: le(1, 4), value: le(1, 8) },
        ],
      },
    }),
    step({
      id: '07-firewall',
      title: 'A port firewall with a hash map',
      goal: 'Drop TCP packets whose destination port is in blocked_ports.',
      prose: [
        'A real firewall takes its rules from user space. Here `blocked_ports` is a hash map from port to 1; it is already filled with 22 (ssh) and 23 (telnet) — see the Maps panel, where you can add more.',
        'Take the destination port from the TCP header, convert it to host byte order with `bpf_ntohs`, and drop the packet when the port is in the map. UDP to the same ports is not blocked.',
      ],
      hints: ['__u16 port = bpf_ntohs(tcp->dest);', 'if (bpf_map_lookup_elem(&blocked_ports, &port)) return XDP_DROP;'],
      seeds: BLOCKED,
      inputs: { kind: 'packets', packets: [tcp(22), tcp(80), udp(22)] },
      check: {
        kind: 'packets',
        seeds: BLOCKED,
        packets: [
          expect(tcp(22, 'ssh (TCP 22)'), 'XDP_DROP'),
          expect(tcp(80, 'http (TCP 80)'), 'XDP_PASS'),
          expect(tcp(23, 'telnet (TCP 23)'), 'XDP_DROP'),
          expect(udp(22, 'UDP to port 22'), 'XDP_PASS'),
          expect(ECHO_REQUEST, 'XDP_PASS'),
        ],
      },
    }),
    step({
      id: '08-hello-kprobe',
      title: 'Tracing: hello from a kprobe',
      goal: 'Print "execve called" every time a program is executed.',
      prose: [
        'eBPF is not only for packets. A kprobe attaches a program to a kernel function: it runs every time the function is called, with the CPU registers (`struct pt_regs`) as its context.',
        'Programs start through the `execve()` system call, which enters the kernel at `__x64_sys_execve`. Attach to it with `SEC("kprobe/__x64_sys_execve")`.',
        'Here the kernel is simulated: the Inputs panel shows the workload (a shell running a few commands). Run plays it and lists every firing.',
      ],
      hints: ['SEC("kprobe/__x64_sys_execve")', 'bpf_printk("execve called");'],
      inputs: { kind: 'attach', workload: { preset: 'exec' } },
      check: {
        kind: 'attach',
        workload: { preset: 'exec' },
        trace: [{ pattern: '^execve called$', min: 4, label: 'Each of the 4 commands prints "execve called"' }],
      },
    }),
    step({
      id: '09-who-runs',
      title: 'A tracepoint: who runs what',
      goal: 'Print the name and pid of every program that starts.',
      prose: [
        'Tracepoints are stable hooks the kernel developers placed on purpose; unlike kprobes they do not change from one kernel version to the next. `sched:sched_process_exec` fires when a new program has replaced the process image.',
        "`bpf_get_current_comm()` copies the current task's name into a buffer; `bpf_get_current_pid_tgid() >> 32` is the process id user space knows.",
      ],
      hints: ['bpf_get_current_comm(comm, sizeof(comm));', 'bpf_printk("exec %s (pid %d)", comm, pid);'],
      inputs: { kind: 'attach', workload: { preset: 'exec' } },
      check: {
        kind: 'attach',
        workload: { preset: 'exec' },
        trace: [
          { pattern: '^exec ls \\(pid \\d+\\)$', label: 'ls is reported with its pid' },
          { pattern: '^exec cat \\(pid \\d+\\)$', label: 'cat is reported with its pid' },
          { pattern: '^exec \\S+ \\(pid \\d+\\)$', min: 4, label: 'Every exec is reported' },
        ],
      },
    }),
    step({
      id: '10-count-reads',
      title: 'A tracer with a map: reads per process',
      goal: 'Count calls of vfs_read per process in the reads map.',
      prose: [
        'Printing every event does not scale: a busy machine reads files millions of times a second. Real tracers aggregate in the kernel and let user space read the summary — the Maps panel here.',
        'Attach to `vfs_read`, key the map by pid, and count. A hash map entry does not exist until you create it, so insert 1 the first time and increment after that.',
      ],
      hints: [
        'count = bpf_map_lookup_elem(&reads, &pid);',
        'if (count) __sync_fetch_and_add(count, 1); else bpf_map_update_elem(&reads, &pid, &one, BPF_NOEXIST);',
      ],
      inputs: { kind: 'attach', workload: { preset: 'files' } },
      check: { kind: 'attach', workload: { preset: 'files' }, nonEmptyMaps: ['reads'] },
    }),
  ],
};
