import { describe, expect, it } from 'vitest';
import {
  BPF_MAP_TYPE as T,
  createMap,
  dumpMap,
  MapCreateError,
  writeEntry,
  readEntry,
  deleteEntry,
} from '../../src/bpf/maps';

const spec = (type: number, keySize: number, valueSize: number, maxEntries: number, flags = 0) => ({
  type,
  name: 'm',
  keySize,
  valueSize,
  maxEntries,
  flags,
});

describe('map creation validates like the kernel', () => {
  it.each([
    [spec(T.HASH, 0, 8, 4), -22],
    [spec(T.ARRAY, 8, 8, 4), -22],
    [spec(T.ARRAY, 4, 8, 0), -22],
    [spec(T.LPM_TRIE, 8, 8, 4), -22],
    [spec(T.RINGBUF, 0, 0, 5000), -22],
    [spec(T.LRU_HASH, 4, 8, 4, 1), -524],
    [spec(T.HASH, 513, 8, 4), -7],
  ])('%o -> %i', (s, errno) => {
    expect(() => createMap(s)).toThrow(MapCreateError);
    try {
      createMap(s);
    } catch (e) {
      expect((e as MapCreateError).errno).toBe(errno);
    }
  });
});

describe('user-space API', () => {
  it('edits and dumps in hex; arrays list every index', () => {
    const m = createMap(spec(T.ARRAY, 4, 4, 2));
    expect(writeEntry(m, '01000000', 'aabbccdd')).toEqual({ ok: true });
    expect(readEntry(m, '01000000')).toBe('aabbccdd');
    expect(deleteEntry(m, '01000000')).toMatchObject({ ok: false, errno: -22 });
    expect(dumpMap(m)).toEqual({
      type: 'array',
      entries: [
        { key: '00000000', value: '00000000' },
        { key: '01000000', value: 'aabbccdd' },
      ],
    });
  });

  it('hash maps iterate in insertion order and get_next_key walks it', () => {
    const m = createMap(spec(T.HASH, 4, 4, 3));
    for (const k of ['03000000', '01000000', '02000000']) writeEntry(m, k, '00000000');
    expect(dumpMap(m).entries.map((e) => e.key)).toEqual(['03000000', '01000000', '02000000']);
    expect(writeEntry(m, '04000000', '00000000')).toMatchObject({ errno: -7 });
  });
});
