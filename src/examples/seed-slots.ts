/**
 * The five seed programs of the kernel-simulation issue, as gallery entries. Their files stay in
 * tests/seeds (verbatim BCC scripts and C, seed.json with the CLI arguments, workload, expected.txt),
 * where the seeds' CLI goldens run them; the gallery reads the same files (one source of truth).
 * A slot gives what a gallery card needs and the files do not say: id (share links store it, so it
 * never changes), title, category and program type.
 */
import type { ProgTypeName } from '../bpf/object/kinds';
import type { ExampleCategory } from './meta';

export interface SeedSlot {
  readonly id: string;
  readonly title: string;
  /** Folder under tests/seeds. */
  readonly seedFolder: string;
  readonly category: ExampleCategory;
  readonly type: ProgTypeName;
}

export const SEED_SLOTS: readonly SeedSlot[] = [
  { id: 'seed-hello-world', title: 'BCC hello world (kprobe on socket())', seedFolder: '1-hello-world', category: 'tracing', type: 'kprobe' }, // prettier-ignore
  { id: 'seed-hello-execve', title: 'BCC hello on execve', seedFolder: '2-hello-execve', category: 'tracing', type: 'kprobe' }, // prettier-ignore
  { id: 'seed-xdp-hello', title: 'libbpf XDP hello with a global counter', seedFolder: '2-xdp-hello', category: 'packets', type: 'xdp' }, // prettier-ignore
  { id: 'seed-xdp-ping', title: 'BCC XDP ping detector (on lo)', seedFolder: '3-xdp-ping', category: 'packets', type: 'xdp' }, // prettier-ignore
  { id: 'seed-tracex1', title: 'kernel samples tracex1 (kprobe, probe reads)', seedFolder: '4-tracex1', category: 'tracing', type: 'kprobe' }, // prettier-ignore
  { id: 'seed-disksnoop', title: 'BCC disksnoop (block I/O latency)', seedFolder: '5-disksnoop', category: 'tracing', type: 'kprobe' }, // prettier-ignore
];
