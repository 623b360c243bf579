/**
 * Reads a map's values as numbers for a chart: each entry's first (up to) 8 value bytes as a
 * little-endian unsigned integer — a counter, or a struct's first counter — summed over the CPUs
 * of per-CPU maps. Only non-zero values are kept, and at most `maxKeys` keys in the map's
 * iteration order, so sampling a large hash map stays cheap.
 */
import type { BpfMap } from '../maps';

export const MAX_SAMPLED_KEYS = 256;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hexOf = (bytes: Uint8Array): string => {
  let out = '';
  for (const b of bytes) out += HEX[b]!;
  return out;
};

/** The first min(8, size) bytes at `at`, little-endian, as a (possibly rounded) number. */
function leNumber(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = Math.min(8, size) - 1; i >= 0; i--) value = value * 256 + bytes[at + i]!;
  return value;
}

export function mapSampler(map: BpfMap, maxKeys = MAX_SAMPLED_KEYS): () => Record<string, number> {
  const size = map.spec.valueSize;
  const perCpu = map.typeName.includes('percpu');
  const stride = Math.ceil(size / 8) * 8;
  const copies = perCpu ? map.cpus : 1;
  return () => {
    const out: Record<string, number> = {};
    let key: Uint8Array | number = map.getNextKey(null);
    for (let n = 0; n < maxKeys && typeof key !== 'number'; n++) {
      const value = map.userLookup(key);
      if (typeof value !== 'number') {
        let sum = 0;
        for (let cpu = 0; cpu < copies; cpu++) sum += leNumber(value, cpu * stride, size);
        if (sum !== 0) out[hexOf(key)] = sum;
      }
      key = map.getNextKey(key);
    }
    return out;
  };
}
