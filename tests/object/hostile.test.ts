/**
 * Hostile input: malformed BTF gives BtfError (a LoadError), and randomly corrupted real objects
 * (fixed seed, bounded) make loadObject either succeed or throw LoadError/ElfError — never another
 * exception type, never a hang.
 */
import { describe, expect, it } from 'vitest';
import { Btf, BtfError, ElfError, formatBtfValue, LoadError, loadObject } from '../../src/bpf/object';
import { buildBtf } from './btf-builder';
import { compileFixture, hasClang, warnSkip } from './native';

const INT = { kind: 1, sizeOrType: 4, extra: [32] };
const expectBtfError = (fn: () => unknown, pattern: RegExp) => {
  expect(fn).toThrow(BtfError);
  expect(fn).toThrow(pattern);
};

describe('malformed BTF', () => {
  it('reports a typedef that refers to itself instead of looping', () => {
    const btf = Btf.parse(buildBtf([INT, { name: 1, kind: 8, sizeOrType: 2 }]));
    expectBtfError(() => btf.resolve(2), /type \[2\].*modifier chain longer than 32/);
    expectBtfError(() => btf.sizeOf(2), /loop/);
    expect(btf.typeName(2)).toBe('a');
  });

  it('reports an array that contains itself', () => {
    // [2] array of [3]; [3] typedef of [2]
    const btf = Btf.parse(buildBtf([INT, { kind: 3, sizeOrType: 0, extra: [3, 1, 4] }, { kind: 8, sizeOrType: 2 }]));
    expectBtfError(() => btf.sizeOf(2), /nesting deeper than 32/);
    expect(formatBtfValue(btf, 1, Uint8Array.of(7, 0, 0, 0))).toBe('7');
    expectBtfError(() => formatBtfValue(btf, 2, new Uint8Array(16)), /nesting deeper than 32/);
  });

  it('rejects references to missing types, unknown kinds and bad strings', () => {
    expectBtfError(() => Btf.parse(buildBtf([{ kind: 2, sizeOrType: 9 }])), /refers to type 9, but only 1 exist/);
    expectBtfError(() => Btf.parse(buildBtf([{ kind: 25, sizeOrType: 0 }])), /unknown kind 25/);
    expectBtfError(() => Btf.parse(buildBtf([{ name: 99, ...INT }])), /type \[1\].*name: string offset 99/);
  });

  it('rejects huge member counts without reading past the section', () => {
    expectBtfError(
      () => Btf.parse(buildBtf([{ kind: 4, vlen: 0xffff, sizeOrType: 8, extra: [0, 1, 0] }])),
      /members: range .* past the end/,
    );
  });

  it('rejects bad headers', () => {
    const bytes = buildBtf([INT]);
    expectBtfError(() => Btf.parse(bytes.subarray(0, 10)), /shorter than the 24-byte header/);
    const badMagic = Uint8Array.from(bytes);
    badMagic[0] = 0;
    expectBtfError(() => Btf.parse(badMagic), /bad magic/);
    const badLen = Uint8Array.from(bytes);
    new DataView(badLen.buffer).setUint32(12, 0xfffffff0, true);
    expectBtfError(() => Btf.parse(badLen), /type section: range/);
  });
});

/** mulberry32: small, seedable, good enough to pick mutations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(original: Uint8Array, rand: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(rand() * n);
  const choice = pick(4);
  if (choice === 0) return original.slice(0, pick(original.length));
  const bytes = Uint8Array.from(original);
  const view = new DataView(bytes.buffer);
  const nasty = [0, 1, 0xff, 0x7fffffff, 0xffffffff, 0x80000000, pick(0x10000)];
  const count = 1 + pick(8);
  for (let i = 0; i < count; i++) {
    const at = pick(bytes.length - 4);
    if (choice === 1) bytes[at] = pick(256);
    else if (choice === 2) view.setUint32(at & ~3, nasty[pick(nasty.length)]!, true);
    else bytes[at] = bytes[at]! ^ (1 << pick(8));
  }
  return bytes;
}

const FUZZED = ['global_data', 'map_in_map', 'subprograms', 'btf_types', 'legacy_maps', 'tracing_sections'];
const ROUNDS = 1500;
const skip = warnSkip('loadObject fuzzing of clang-19 objects', hasClang);

describe.skipIf(skip)('loadObject on corrupted objects', () => {
  for (const name of skip ? [] : FUZZED) {
    it(`${name}: ${ROUNDS} mutations only ever give LoadError or ElfError`, () => {
      const { bytes } = compileFixture(name);
      const rand = prng(0x5eed + name.length);
      const outcomes = { loaded: 0, rejected: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        const input = mutate(bytes, rand);
        const started = performance.now();
        try {
          const object = loadObject(input);
          // Whatever loads must also render: BTF printers walk the same hostile types.
          for (const m of object.maps) {
            if (object.btf && m.valueTypeId) formatBtfValue(object.btf, m.valueTypeId, new Uint8Array(m.valueSize));
          }
          outcomes.loaded++;
        } catch (e) {
          if (!(e instanceof LoadError || e instanceof ElfError)) {
            throw new Error(`round ${round}: ${String(e)} is not a LoadError/ElfError`, { cause: e });
          }
          outcomes.rejected++;
        }
        expect(performance.now() - started).toBeLessThan(2000);
      }
      expect(outcomes.rejected).toBeGreaterThan(0);
    });
  }
});
