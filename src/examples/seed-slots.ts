/**
 * The five seed programs of the kernel-simulation issue belong in the gallery too. They live in
 * tests/seeds (BCC Python scripts and libbpf C, run through the CLI's attach path) while the
 * BCC/attach work is in progress; these slots name them so the gallery can list them as coming,
 * and the examples test fails if a seed folder is renamed. Moving a seed in = a folder here.
 */
export interface SeedSlot {
  readonly id: string;
  readonly title: string;
  /** Folder under tests/seeds. */
  readonly seedFolder: string;
}

export const SEED_SLOTS: readonly SeedSlot[] = [
  { id: 'seed-hello-world', title: 'BCC hello world (kprobe on socket())', seedFolder: '1-hello-world' },
  { id: 'seed-hello-execve', title: 'BCC hello on execve', seedFolder: '2-hello-execve' },
  { id: 'seed-xdp-hello', title: 'libbpf XDP hello with a global counter', seedFolder: '2-xdp-hello' },
  { id: 'seed-xdp-ping', title: 'XDP ping counter (BCC)', seedFolder: '3-xdp-ping' },
  { id: 'seed-tracex1', title: 'kernel samples tracex1 (kprobe, probe reads)', seedFolder: '4-tracex1' },
  { id: 'seed-disksnoop', title: 'BCC disksnoop (block I/O latency)', seedFolder: '5-disksnoop' },
];
