/**
 * Named workloads for the CLI (`npx ebpf-playground workloads`, `--workload-preset NAME`) and the
 * page's workload picker. Each is ordinary workload text, so users can copy and edit it.
 */
import { parseWorkload } from './workload/parse';
import type { Workload } from './workload/types';

export interface WorkloadPreset {
  readonly name: string;
  readonly description: string;
  readonly text: string;
}

export const WORKLOAD_PRESETS: readonly WorkloadPreset[] = [
  {
    name: 'demo',
    description: 'A bit of everything for about 4 simulated seconds: exec, files, sockets and connects, ping, disk I/O',
    text: `# The demo workload: every family of kernel events in about four seconds.
at 0ms: bash runs "ls /tmp"
at 20ms: cat reads 4 KiB from /etc/passwd
at 50ms: curl connects to 93.184.216.34:80 and sends 2 KiB
at 100ms: ping 10.0.0.2 3 times
at 150ms: dd writes 1 MiB to /dev/sda
at 400ms: 10.0.0.2 pings us 2 times
at 600ms: nc connects to 127.0.0.1:8080 and sends 512 bytes
at 800ms: wget connects to 151.101.1.69:443 and sends 4 KiB with a retransmission
at 3s: bash runs "echo done"
`,
  },
  {
    name: 'exec',
    description: 'The shell runs a few commands (fork, exec, exit): for execve and sched tracepoints',
    text: `at 0ms: bash runs "ls /tmp"
after 10ms: bash runs "cat /etc/hostname"
after 10ms: bash runs "echo hello"
after 10ms: bash runs "true"
`,
  },
  {
    name: 'sockets',
    description: 'TCP clients: socket(), connect() and sends to remote hosts and to loopback',
    text: `at 0ms: curl connects to 93.184.216.34:80 and sends 2 KiB
after 10ms: nc connects to 127.0.0.1:8080 and sends 512 bytes
after 10ms: python3 sends 8 KiB to 10.0.0.5:5000
`,
  },
  {
    name: 'ping',
    description: 'ICMP echo out (ping 10.0.0.2) and in (10.0.0.2 pings this host), for XDP and tracex1',
    text: `at 0ms: ping 10.0.0.2 3 times
at 500ms: 10.0.0.2 pings us 3 times
at 4s: ping 127.0.0.1 2 times
`,
  },
  {
    name: 'disk',
    description: 'Block I/O on /dev/sda: writes and reads of 128 KiB requests, for disksnoop and block tracepoints',
    text: `at 0ms: dd writes 1 MiB to /dev/sda
after 5ms: dd reads 512 KiB from /dev/sda
`,
  },
  {
    name: 'files',
    description: 'openat, read and write on regular files',
    text: `at 0ms: cat reads 4 KiB from /etc/passwd
after 1ms: vim writes 12 KiB to /home/user/notes.txt
after 1ms: bash runs "cat /etc/os-release"
`,
  },
];

export interface PresetListing {
  readonly name: string;
  readonly description: string;
  readonly statements: number;
}

/** The presets for `ebpf-playground workloads`: name, description and size. */
export function listWorkloads(): PresetListing[] {
  return WORKLOAD_PRESETS.map((p) => ({
    name: p.name,
    description: p.description,
    statements: parseWorkload(p.text).statements.length,
  }));
}

export function workloadPreset(name: string): Workload {
  const preset = WORKLOAD_PRESETS.find((p) => p.name === name);
  if (!preset) {
    const names = WORKLOAD_PRESETS.map((p) => p.name).join(', ');
    throw new Error(`no workload preset '${name}' (presets: ${names})`);
  }
  return parseWorkload(preset.text);
}
