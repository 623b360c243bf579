/**
 * The kernel-differential corpus: every corpus/*.c is one program. Its leading `// key: value`
 * lines say how to run it, so adding a program is adding a file:
 *   // section: xdp | tc | socket | cgroup_skb/ingress | ...   the SEC() of the program to run (required)
 *   // packets: all | NAME NAME ...    packet fixtures from packets/NAME.hex, run in this order
 *   // mcpu: v4                        clang -mcpu (default v3)
 *   // loader: libbpf                  load with libbpf (krun) instead of bpftool: every program of the
 *                                      object loaded, prog_arrays filled, ringbuf/perf records compared
 *   // program: NAME                   the function to run (default: the object's first program)
 *   // update: MAP KEY=VALUE ...       (libbpf only; repeatable) user space stores these entries (hex)
 *                                      after the load and before the first run, e.g. devmap targets
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('corpus', import.meta.url));
export const PACKETS_DIR = fileURLToPath(new URL('packets', import.meta.url));

/** The order of `packets: all`: valid frames of every kind first, then the short ones. */
export const ALL_PACKETS = [
  'ipv4-udp',
  'ipv4-tcp',
  'ipv4-icmp',
  'ipv6-udp',
  'ipv6-tcp',
  'arp',
  'vlan-ipv4-udp',
  'ipv4-udp-2',
  'ipv4-tcp-22',
  'short-14',
  'short-10',
] as const;

export interface MapUpdate {
  readonly map: string;
  readonly key: string;
  readonly value: string;
}

export interface CorpusProgram {
  readonly name: string;
  readonly path: string;
  readonly section: string;
  readonly mcpu: string;
  readonly loader: 'bpftool' | 'libbpf';
  /** The function to run; undefined = the object's first program. */
  readonly program: string | undefined;
  /** Entries user space stores before the first run. */
  readonly updates: readonly MapUpdate[];
  readonly packetNames: readonly string[];
  readonly packets: readonly Uint8Array[];
}

/** A fixture: hex digits with optional whitespace; lines starting with '#' are comments. */
export function readPacket(name: string): Uint8Array {
  const text = readFileSync(join(PACKETS_DIR, `${name}.hex`), 'utf8');
  const hex = text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('')
    .replace(/\s+/g, '');
  if (!/^([0-9a-f]{2})*$/.test(hex)) throw new Error(`packets/${name}.hex: not lowercase hex bytes`);
  return Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
}

/** The leading `// key: value` lines; `update` may repeat, so every value is kept in order. */
function parseHeader(path: string): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^\/\/ (\w+): (.*)$/.exec(line);
    if (!m) break;
    (fields[m[1]!] ??= []).push(m[2]!.trim());
  }
  return fields;
}

function parseUpdates(name: string, lines: readonly string[]): MapUpdate[] {
  return lines.flatMap((line) => {
    const [map, ...pairs] = line.split(/\s+/);
    return pairs.map((pair) => {
      const m = /^([0-9a-f]+)=([0-9a-f]+)$/.exec(pair);
      if (!map || !m) throw new Error(`${name}.c: '// update: ${line}' must be MAP KEYHEX=VALUEHEX ...`);
      return { map, key: m[1]!, value: m[2]! };
    });
  });
}

export function readProgram(path: string): CorpusProgram {
  const name = basename(path, '.c');
  const fields = parseHeader(path);
  const header = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v[v.length - 1]]));
  const section = header.section;
  if (!section) throw new Error(`${name}.c: missing '// section: ...' header line`);
  const list = header.packets ?? 'all';
  const packetNames = list === 'all' ? [...ALL_PACKETS] : list.split(/\s+/);
  const loader = header.loader ?? 'bpftool';
  if (loader !== 'bpftool' && loader !== 'libbpf') throw new Error(`${name}.c: loader must be bpftool or libbpf`);
  const updates = parseUpdates(name, fields.update ?? []);
  if (updates.length > 0 && loader !== 'libbpf') throw new Error(`${name}.c: '// update:' needs '// loader: libbpf'`);
  return {
    name,
    path,
    section,
    mcpu: header.mcpu ?? 'v3',
    loader,
    program: header.program,
    updates,
    packetNames,
    packets: packetNames.map(readPacket),
  };
}

export function listCorpus(): CorpusProgram[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => readProgram(join(CORPUS_DIR, f)));
}
