/** The typed context table against a plain BigInt model of the same field semantics. */
import { describe, expect, it } from 'vitest';
import { VmFault } from '../vm';
import { field, structBytes, tableHandler } from './ctx-fields';

const FIELDS = [
  field('len', 0, 'read-only'),
  field('mark', 4, 'read-write', { access: 'read-write' }),
  field('data', 8, 'pointer', { pointer: true }),
  field('tstamp', 16, '64-bit read-write', { size: 8, access: 'read-write' }),
];

const fresh = () => {
  const values = new Map<string, bigint>([
    ['len', 60n],
    ['mark', 0xa1b2c3d4n],
    ['data', 0xffff888000000100n],
    ['tstamp', 0x0102030405060708n],
  ]);
  const image = structBytes(24, FIELDS, values);
  return { values, image, table: tableHandler('ctx', FIELDS, values, image) };
};

/** What a store of `size` bytes of `value` at byte `at` of a field of `width` bytes leaves there. */
const spliced = (old: bigint, width: number, at: number, size: number, value: bigint): bigint => {
  const shift = BigInt(at * 8);
  const mask = ((1n << BigInt(size * 8)) - 1n) << shift;
  return BigInt.asUintN(width * 8, (old & ~mask) | ((value << shift) & mask));
};

describe('tableHandler', () => {
  it('narrow and whole stores and loads agree with the BigInt model, and the image follows', () => {
    const cases: [string, number, number, number][] = [
      ['mark', 4, 0, 4],
      ['mark', 4, 1, 1],
      ['mark', 4, 2, 2],
      ['tstamp', 8, 0, 8],
      ['tstamp', 8, 4, 4],
      ['tstamp', 8, 3, 1],
      ['tstamp', 8, 6, 2],
    ];
    for (const [name, width, at, size] of cases) {
      const { values, image, table } = fresh();
      const offset = FIELDS.find((f) => f.name === name)!.offset;
      const value = 0xfedcba9876543210n;
      const expected = spliced(values.get(name)!, width, at, size, BigInt.asUintN(size * 8, value));
      const generation = table.generation;
      table.storeHalves!(offset + at, size, Number(BigInt.asIntN(32, value)), Number(BigInt.asIntN(32, value >> 32n)));
      expect(values.get(name)).toBe(expected);
      expect(table.generation).toBe(generation + 1);
      const view = new DataView(image.buffer);
      expect(width === 8 ? view.getBigUint64(offset, true) : BigInt(view.getUint32(offset, true))).toBe(expected);
      for (const [loadAt, loadSize] of [
        [0, width],
        [at, size],
        [0, 1],
      ] as const) {
        const R = new Int32Array(2);
        table.loadHalves!(offset + loadAt, loadSize, R, 0);
        const got = (BigInt(R[1]! >>> 0) << 32n) | BigInt(R[0]! >>> 0);
        expect(got).toBe(BigInt.asUintN(loadSize * 8, expected >> BigInt(loadAt * 8)));
        expect(table.load(offset + loadAt, loadSize)).toBe(got);
      }
    }
  });

  it('store() with a bigint is storeHalves(), and a repeated store reuses its bigint', () => {
    const { values, table } = fresh();
    table.store(4, 4, 0x1234n);
    const first = values.get('mark');
    table.set('mark', 0n);
    table.storeHalves!(4, 4, 0x1234, 0);
    expect(values.get('mark')).toBe(0x1234n);
    expect(values.get('mark')).toBe(first);
  });

  it('refuses read-only fields, pointer parts and gaps without changing anything', () => {
    const { values, table } = fresh();
    const before = new Map(values);
    expect(() => table.storeHalves!(0, 4, 1, 0)).toThrow(VmFault);
    expect(() => table.storeHalves!(8, 4, 1, 0)).toThrow(/read-only/);
    expect(() => table.loadHalves!(9, 1, new Int32Array(2), 0)).toThrow(/must be accessed whole/);
    expect(() => table.storeHalves!(12, 4, 1, 0)).toThrow(/no accessible field/);
    expect(values).toEqual(before);
    expect(table.generation).toBe(0);
  });

  it('reports changes to observers as halves, pointers whole', () => {
    const { table } = fresh();
    const seen: number[][] = [];
    table.observeFields!((...args) => seen.push(args));
    expect(seen).toContainEqual([8, 4, 0x100, 0xffff8880 | 0]);
    seen.length = 0;
    table.set('len', 61n);
    table.storeHalves!(16, 4, -1, 0);
    expect(seen).toEqual([
      [0, 4, 61, 0],
      [16, 8, -1, 0x01020304],
    ]);
  });

  it('restore() puts back exactly the fields changed since checkpoint(), image and observers too', () => {
    const { values, image, table } = fresh();
    table.checkpoint();
    const before = new Map(values);
    const imageBefore = image.slice();
    const seen: number[][] = [];
    table.observeFields!(() => {});
    table.storeHalves!(4, 4, 7, 0);
    table.set('len', 61n);
    table.storeHalves!(20, 4, 9, 0); // the high half of tstamp
    table.observeFields!((...args) => seen.push(args));
    seen.length = 0;
    const generation = table.generation;
    table.restore();
    expect(values).toEqual(before);
    expect(image).toEqual(imageBefore);
    expect(table.generation).toBe(generation + 1);
    expect(seen).toEqual([
      [4, 4, 0xa1b2c3d4 | 0, 0],
      [0, 4, 60, 0],
      [16, 8, 0x05060708, 0x01020304],
    ]);
    // Nothing changed since: restore() is a no-op, and the generation stays.
    seen.length = 0;
    table.restore();
    expect(seen).toEqual([]);
    expect(table.generation).toBe(generation + 1);
  });
});
