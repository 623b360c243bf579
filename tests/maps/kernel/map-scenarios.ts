/**
 * The map scenarios run against both the kernel and our maps. Add a case here; the
 * differential test picks it up. Keys/values are little-endian byte lists.
 */
import type { Op, Scenario } from './scenario';

export const u32 = (n: number): number[] => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24];
export const u64 = (n: number): number[] => [...u32(n), 0, 0, 0, 0];
/** lpm key for IPv4: prefixlen (host order) + 4 address bytes (network order). */
const lpm = (plen: number, a: number, b: number, c: number, d: number): number[] => [...u32(plen), a, b, c, d];

const up = (key: number, value: number, flags = 0): Op => ({ op: 'update', key: u32(key), value: u64(value), flags });
const get = (key: number): Op => ({ op: 'lookup', key: u32(key) });
const del = (key: number): Op => ({ op: 'delete', key: u32(key) });
const hashMap = (cType: string, type: number, maxEntries: number, flags = 0) => ({
  cType,
  type,
  keySize: 4,
  valueSize: 8,
  maxEntries,
  flags,
});

/** Deterministic pseudo-random op sequence over a small key space (mulberry32). */
function randomOps(seed: number, count: number, keys: number): Op[] {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return Array.from({ length: count }, (): Op => {
    const key = 1 + Math.floor(next() * keys);
    const r = next();
    if (r < 0.5) return up(key, key * 10, r < 0.05 ? 1 : r < 0.1 ? 2 : 0);
    if (r < 0.85) return get(key);
    return del(key);
  });
}

const fill = (from: number, to: number): Op[] =>
  Array.from({ length: to - from + 1 }, (_, i) => up(from + i, from + i));

export const MAP_SCENARIOS: Scenario[] = [
  {
    name: 'hash: flags, errors, full map, pointer writes',
    map: hashMap('HASH', 1, 4),
    ops: [
      up(1, 10, 1),
      up(1, 11, 1),
      up(2, 20, 2),
      up(1, 12, 2),
      up(2, 20, 3),
      up(2, 20, 4),
      up(2, 20, 8),
      up(2, 20),
      up(3, 30),
      up(4, 40),
      up(5, 50),
      up(5, 50, 1),
      up(4, 41, 2),
      get(1),
      get(5),
      del(3),
      del(3),
      up(5, 50),
      get(5),
      { op: 'write', key: u32(1), value: u64(99) },
      get(1),
    ],
  },
  {
    name: 'array: bounds, NOEXIST, delete, pointer writes',
    map: { cType: 'ARRAY', type: 2, keySize: 4, valueSize: 8, maxEntries: 4 },
    ops: [
      up(0, 5),
      up(3, 7, 2),
      up(4, 1),
      up(1, 1, 1),
      up(1, 1, 3),
      del(1),
      get(4),
      get(3),
      { op: 'write', key: u32(2), value: u64(77) },
      get(2),
    ],
  },
  {
    name: 'percpu_array on cpu 0',
    map: { cType: 'PERCPU_ARRAY', type: 6, keySize: 4, valueSize: 4, maxEntries: 3 },
    ops: [up(1, 9), up(2, 8, 2), get(1)],
  },
  {
    name: 'percpu_hash on cpu 0',
    map: hashMap('PERCPU_HASH', 5, 3),
    ops: [up(1, 9), up(2, 8), up(3, 7), up(4, 6), up(2, 5, 2), get(2), del(1)],
  },
  {
    name: 'lru_hash 4: referenced key survives',
    map: hashMap('LRU_HASH', 9, 4),
    ops: [...fill(1, 4), get(1), ...fill(5, 7)],
  },
  {
    name: 'lru_hash 8: batch reclaim',
    map: hashMap('LRU_HASH', 9, 8),
    ops: [...fill(1, 8), get(1), get(3), ...fill(9, 14)],
  },
  {
    name: 'lru_hash 16: updates of existing keys',
    map: hashMap('LRU_HASH', 9, 16),
    ops: [...fill(1, 16), up(2, 1), up(3, 1, 1), get(4), ...fill(17, 24)],
  },
  {
    name: 'lru_hash flags',
    map: hashMap('LRU_HASH', 9, 8),
    ops: [up(1, 1, 4), up(1, 1, 2), up(1, 1, 1), up(1, 2, 1), up(1, 3, 2), del(1), del(1)],
  },
  { name: 'lru_hash random A', map: hashMap('LRU_HASH', 9, 8), ops: randomOps(1, 150, 20) },
  { name: 'lru_hash random B', map: hashMap('LRU_HASH', 9, 32), ops: randomOps(7, 250, 64) },
  { name: 'lru_hash random C (large)', map: hashMap('LRU_HASH', 9, 300), ops: randomOps(3, 400, 500) },
  { name: 'lru_hash no common lru', map: hashMap('LRU_HASH', 9, 8, 2), ops: randomOps(11, 150, 20) },
  { name: 'lru_percpu_hash', map: hashMap('LRU_PERCPU_HASH', 10, 8), ops: randomOps(5, 150, 20) },
  {
    name: 'lpm_trie: longest prefix, flags, full',
    map: { cType: 'LPM_TRIE', type: 11, keySize: 8, valueSize: 8, maxEntries: 4, flags: 1 },
    ops: [
      { op: 'update', key: lpm(8, 10, 0, 0, 0), value: u64(8), flags: 0 },
      { op: 'update', key: lpm(16, 10, 1, 0, 0), value: u64(16), flags: 0 },
      { op: 'update', key: lpm(24, 10, 1, 2, 0), value: u64(24), flags: 1 },
      { op: 'update', key: lpm(24, 10, 1, 2, 99), value: u64(25), flags: 1 },
      { op: 'update', key: lpm(24, 10, 1, 3, 0), value: u64(26), flags: 2 },
      { op: 'update', key: lpm(33, 10, 1, 3, 0), value: u64(1), flags: 0 },
      { op: 'update', key: lpm(0, 0, 0, 0, 0), value: u64(0), flags: 0 },
      { op: 'update', key: lpm(32, 1, 2, 3, 4), value: u64(32), flags: 0 },
      { op: 'update', key: lpm(16, 10, 1, 0, 0), value: u64(17), flags: 2 },
      { op: 'lookup', key: lpm(32, 10, 1, 2, 3) },
      { op: 'lookup', key: lpm(32, 10, 1, 9, 9) },
      { op: 'lookup', key: lpm(32, 10, 9, 9, 9) },
      { op: 'lookup', key: lpm(12, 10, 1, 2, 3) },
      { op: 'lookup', key: lpm(32, 11, 0, 0, 0) },
      { op: 'delete', key: lpm(16, 10, 1, 0, 0) },
      { op: 'delete', key: lpm(16, 10, 1, 0, 0) },
      { op: 'delete', key: lpm(40, 10, 1, 0, 0) },
      { op: 'lookup', key: lpm(32, 10, 1, 9, 9) },
      { op: 'update', key: lpm(32, 1, 2, 3, 5), value: u64(33), flags: 0 },
      { op: 'update', key: lpm(32, 1, 2, 3, 6), value: u64(34), flags: 0 },
    ],
  },
  {
    name: 'queue: full, BPF_EXIST overwrite, FIFO order',
    map: { cType: 'QUEUE', type: 22, keySize: 0, valueSize: 4, maxEntries: 3 },
    ops: [
      { op: 'pop' },
      { op: 'peek' },
      ...[1, 2, 3, 4].map((v): Op => ({ op: 'push', value: u32(v), flags: 0 })),
      { op: 'push', value: u32(5), flags: 2 },
      { op: 'push', value: u32(6), flags: 1 },
      { op: 'push', value: u32(6), flags: 4 },
      { op: 'peek' },
      { op: 'pop' },
      { op: 'pop' },
      { op: 'pop' },
      { op: 'pop' },
    ],
  },
  {
    name: 'stack: full, BPF_EXIST overwrite, LIFO order',
    map: { cType: 'STACK', type: 23, keySize: 0, valueSize: 4, maxEntries: 3 },
    ops: [
      ...[1, 2, 3, 4].map((v): Op => ({ op: 'push', value: u32(v), flags: 0 })),
      { op: 'push', value: u32(5), flags: 2 },
      { op: 'push', value: u32(6), flags: 2 },
      { op: 'peek' },
      { op: 'pop' },
      { op: 'pop' },
      { op: 'pop' },
      { op: 'pop' },
    ],
  },
  {
    name: 'bloom_filter: membership and flags',
    map: { cType: 'BLOOM_FILTER', type: 30, keySize: 0, valueSize: 4, maxEntries: 64, mapExtra: 3 },
    ops: [
      { op: 'push', value: u32(7), flags: 0 },
      { op: 'push', value: u32(8), flags: 1 },
      { op: 'push', value: u32(9), flags: 0 },
      { op: 'peek', value: u32(7) },
      { op: 'peek', value: u32(9) },
      { op: 'peek', value: u32(8) },
      { op: 'peek', value: u32(1234) },
    ],
  },
];
