/**
 * devmap, devmap_hash, cpumap and xskmap from user space, against the kernel: each case creates a
 * map with bpftool and with createMap, applies the same updates and deletes to both, and requires
 * the same errno for every step and the same entries at the end. (bpf_redirect_map on them is in
 * the corpus: xdp_redirect_map.c.)
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BpfMap, createMap, dumpMap, fromHex, MapCreateError, mapTypeByName } from '../../src/bpf/maps';
import { kernelUnavailableReason, possibleCpus, RUN_TAG } from './kernel-runner';

const reason = kernelUnavailableReason();
if (reason) console.warn(`\n!!! SKIPPING redirect map rules vs the kernel: ${reason} !!!\n`);

/** strerror texts bpftool prints -> errno names. */
const ERRNO: Record<string, string> = {
  'Invalid argument': 'EINVAL',
  'Argument list too long': 'E2BIG',
  'File exists': 'EEXIST',
  'No such file or directory': 'ENOENT',
  'No such device': 'ENODEV',
  'Value too large for defined data type': 'EOVERFLOW',
  'Bad file descriptor': 'EBADF',
  'Operation not supported': 'EOPNOTSUPP',
};
const NAMES: Record<number, string> = { 22: 'EINVAL', 7: 'E2BIG', 17: 'EEXIST', 2: 'ENOENT', 19: 'ENODEV', 75: 'EOVERFLOW', 9: 'EBADF', 95: 'EOPNOTSUPP' }; // prettier-ignore

/** "update KEY VALUE [any|noexist|exist]" or "delete KEY", keys and values as u32 numbers. */
type Step = string;
interface Case {
  readonly create: string; // "TYPE key K value V entries N [flags F]"
  readonly steps: readonly Step[];
}

const CASES: readonly Case[] = [
  { create: 'devmap key 4 value 4 entries 4', steps: ['update 1 1', 'update 2 0', 'update 3 1 noexist', 'update 9 1', 'update 1 1 exist', 'delete 2', 'delete 9', 'update 0 1'] }, // prettier-ignore
  { create: 'devmap key 4 value 8 entries 4', steps: ['update 2 1'] },
  { create: 'devmap_hash key 4 value 4 entries 4', steps: ['update 7 0', 'update 5 1 exist', 'update 5 1 noexist', 'delete 6', 'update 11 1', 'update 12 1', 'update 13 1', 'update 14 1', 'delete 11'] }, // prettier-ignore
  { create: 'cpumap key 4 value 4 entries 4', steps: ['update 1 64', 'update 0 0', 'update 0 16640', 'update 3 1', 'update 9 1', 'update 1 8 noexist', 'delete 0', 'delete 9'] }, // prettier-ignore
  // xskmap values are socket fds; 999 is not open in bpftool (the simulator has no sockets at all).
  { create: 'xskmap key 4 value 4 entries 4', steps: ['update 0 999', 'delete 0', 'delete 9'] },
  { create: 'devmap key 4 value 5 entries 4', steps: [] },
  { create: 'devmap key 4 value 4 entries 4 flags 1', steps: [] },
  { create: 'devmap key 4 value 4 entries 4 flags 16', steps: [] },
  { create: 'devmap_hash key 8 value 4 entries 4', steps: [] },
  { create: 'cpumap key 4 value 12 entries 4', steps: [] },
  { create: 'cpumap key 4 value 4 entries 256', steps: [] },
  { create: 'cpumap key 4 value 4 entries 257', steps: [] },
  { create: 'cpumap key 4 value 4 entries 4 flags 8', steps: [] },
  { create: 'xskmap key 4 value 8 entries 4', steps: [] },
];

const u32Bytes = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24].map(String);
const hex32 = (n: number) => Buffer.from(u32Bytes(n).map(Number)).toString('hex');

function kernelSide(c: Case, pin: string): string[] {
  const outcome = (args: string[]): string => {
    const r = spawnSync('bpftool', args, { encoding: 'utf8' });
    if (r.status === 0) return 'ok';
    return Object.entries(ERRNO).find(([text]) => r.stderr.includes(text))?.[1] ?? r.stderr.trim();
  };
  const results = [outcome(['map', 'create', pin, 'type', ...c.create.split(' '), 'name', 'redir'])];
  if (results[0] !== 'ok') return results;
  const wide = / value 8 /.test(c.create);
  for (const step of c.steps) {
    const [op, key, value, flag] = step.split(' ');
    const args = ['map', op!, 'pinned', pin, 'key', ...u32Bytes(Number(key))];
    if (op === 'update') {
      // An 8-byte value: the target, then a program fd of 0 (none).
      args.push('value', ...u32Bytes(Number(value)), ...(wide ? ['0', '0', '0', '0'] : []));
      if (flag) args.push(flag);
    }
    results.push(outcome(args));
  }
  const dump = spawnSync('bpftool', ['-j', 'map', 'dump', 'pinned', pin], { encoding: 'utf8' });
  const entries = (JSON.parse(dump.stdout) as { key: string[]; value: string[] | { error: string } }[])
    .filter((e) => Array.isArray(e.value))
    .map((e) => `${e.key.join('')}=${(e.value as string[]).join('')}`.replace(/0x/g, ''));
  return [...results, `entries ${entries.sort().join(' ')}`];
}

function oursSide(c: Case): string[] {
  const words = c.create.split(' ');
  const arg = (name: string) => Number(words[words.indexOf(name) + 1] ?? 0);
  let map: BpfMap;
  try {
    const spec = { type: mapTypeByName(words[0]!)!, name: 'redir', keySize: arg('key'), valueSize: arg('value') };
    map = createMap({ ...spec, maxEntries: arg('entries'), flags: arg('flags') }, { cpus: possibleCpus() });
  } catch (e) {
    if (e instanceof MapCreateError) return [NAMES[-e.errno] ?? String(e.errno)];
    throw e;
  }
  const results = ['ok'];
  const valueHex = (v: number) => hex32(v) + (map.spec.valueSize === 8 ? '00000000' : '');
  for (const step of c.steps) {
    const [op, key, value, flag] = step.split(' ');
    const flags = { noexist: 1n, exist: 2n }[flag ?? ''] ?? 0n;
    const code =
      op === 'update'
        ? map.userUpdate(fromHex(hex32(Number(key))), fromHex(valueHex(Number(value))), flags)
        : map.userDelete(fromHex(hex32(Number(key))));
    results.push(code === 0 ? 'ok' : (NAMES[-code] ?? String(code)));
  }
  const entries = dumpMap(map).entries.map((e) => `${e.key}=${e.value}`);
  return [...results, `entries ${entries.sort().join(' ')}`];
}

describe.skipIf(reason !== null)('redirect maps from user space vs the kernel', () => {
  CASES.forEach((c, i) => {
    it(`${c.create}: ${c.steps.join(', ') || 'create'}`, () => {
      const pin = `/sys/fs/bpf/ebpf_pg_redir_${RUN_TAG}_${i}`;
      try {
        expect(oursSide(c)).toEqual(kernelSide(c, pin));
      } finally {
        rmSync(pin, { force: true });
      }
    });
  });
});
