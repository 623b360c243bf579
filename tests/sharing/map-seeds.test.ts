/** Map edits made in the page become the link's pre-seeds (replayed before the first run). */
import { describe, expect, it } from 'vitest';
import {
  decodeShareLink,
  defaultShareState,
  encodeShareFragment,
  seedsAfterEdit,
  seedValueHex,
} from '../../src/sharing';

describe('seedsAfterEdit', () => {
  const a = { map: 'blocked', key: '0016', value: '01' };
  const b = { map: 'blocked', key: '0017', value: '01' };

  it('appends a new key, and overwrites a known one in place', () => {
    const added = seedsAfterEdit([a], { map: 'blocked', op: 'update', key: '0050', value: '01' });
    expect(added).toEqual([a, { map: 'blocked', key: '0050', value: '01' }]);
    expect(seedsAfterEdit([a, b], { map: 'blocked', op: 'update', key: '0016', value: '00' })).toEqual([
      { ...a, value: '00' },
      b,
    ]);
  });

  it('tells maps apart by name: the same key in another map is another seed', () => {
    expect(seedsAfterEdit([a], { map: 'other', op: 'update', key: '0016', value: '02' })).toHaveLength(2);
  });

  it('drops the seed of a deleted key and ignores deletes of keys it never wrote', () => {
    expect(seedsAfterEdit([a, b], { map: 'blocked', op: 'delete', key: '0016' })).toEqual([b]);
    const seeds = [a, b];
    expect(seedsAfterEdit(seeds, { map: 'blocked', op: 'delete', key: '0099' })).toEqual(seeds);
  });

  it('does not change the list it was given (the store compares by identity)', () => {
    const seeds = [a];
    seedsAfterEdit(seeds, { map: 'blocked', op: 'update', key: '0016', value: '02' });
    expect(seeds).toEqual([a]);
  });

  it('round-trips through a link, per-CPU values (every CPU’s copy) included', () => {
    const perCpu = seedValueHex('2a000000', 32, 4, 4);
    expect(perCpu).toBe('2a00000000000000'.repeat(4));
    const seeds = seedsAfterEdit([a], { map: 'counts', op: 'update', key: '00000000', value: perCpu });
    const state = { ...defaultShareState('int x;'), mapSeeds: seeds };
    expect(decodeShareLink(encodeShareFragment(state)).state.mapSeeds).toEqual(seeds);
  });
});
