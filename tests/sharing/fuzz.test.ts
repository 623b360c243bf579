/**
 * The decoder on hostile input: random strings, random bytes behind a valid envelope, and
 * mutations of real links either decode to a state that passes validation again or throw a
 * ShareLinkError; any other exception (TypeError, RangeError, stack overflow) fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareFragment, ShareLinkError } from '../../src/sharing';
import { encodeBase64url } from '../../src/sharing/base64url';
import { crc32 } from '../../src/sharing/crc32';

const DIR = join(import.meta.dirname, 'samples');
const LINKS = readdirSync(DIR)
  .filter((f) => f.endsWith('.link'))
  .map((f) => readFileSync(join(DIR, f), 'utf8').trim());

/** Decodes; a state must re-encode (it is valid), anything thrown must be a ShareLinkError. */
function decodesOrRefuses(link: string): void {
  let state;
  try {
    state = decodeShareLink(link).state;
  } catch (e) {
    if (!(e instanceof ShareLinkError)) throw e;
    expect(e.message.length).toBeGreaterThan(10);
    return;
  }
  expect(decodeShareLink(encodeShareFragment(state)).state).toEqual(state);
}

/** A payload around arbitrary bytes with a correct checksum: only the JSON layer can refuse it. */
function sealed(version: number, raw: Uint8Array): string {
  const packed = deflateSync(raw);
  const out = new Uint8Array(packed.length + 4);
  out.set(packed);
  new DataView(out.buffer).setUint32(packed.length, crc32(raw));
  return `#s=${version}.${encodeBase64url(out)}`;
}

const RUNS = { numRuns: 400, seed: 20260 };

describe('share-link decoder fuzz', () => {
  it('random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => decodesOrRefuses(s)),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => decodesOrRefuses(`#s=2.${s}`)),
      RUNS,
    );
    fc.assert(fc.property(fc.base64String({ maxLength: 400 }), (s) => decodesOrRefuses(`#s=2.${s.replace(/=/g, '')}`)), RUNS); // prettier-ignore
  });

  it('random bytes and random JSON behind a valid envelope', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 2 }), (b, v) => decodesOrRefuses(sealed(v, b))), RUNS); // prettier-ignore
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(fc.property(json, (j) => decodesOrRefuses(sealed(2, new TextEncoder().encode(JSON.stringify(j))))), RUNS); // prettier-ignore
  });

  it('mutations of real links: flips, cuts, insertions, swaps', () => {
    const mutation = fc.record({
      link: fc.constantFrom(...LINKS),
      at: fc.nat(),
      len: fc.integer({ min: 1, max: 8 }),
      text: fc.string({ maxLength: 6 }),
      op: fc.constantFrom('replace', 'delete', 'insert', 'cut', 'swap'),
    });
    fc.assert(
      fc.property(mutation, ({ link, at, len, text, op }) => {
        const i = at % link.length;
        const mutated =
          op === 'replace' ? link.slice(0, i) + text + link.slice(i + len)
          : op === 'delete' ? link.slice(0, i) + link.slice(i + len)
          : op === 'insert' ? link.slice(0, i) + text + link.slice(i)
          : op === 'cut' ? link.slice(0, i)
          : link.slice(0, i) + link.slice(i + len, i + 2 * len) + link.slice(i, i + len) + link.slice(i + 2 * len); // prettier-ignore
        decodesOrRefuses(mutated);
      }),
      { numRuns: 1500, seed: 7 },
    );
  });

  it('mutations of the JSON inside a real link (valid envelope, hostile content)', () => {
    const states = LINKS.map((l) => JSON.stringify(decodeShareLink(l).state));
    const edit = fc.record({ json: fc.constantFrom(...states), at: fc.nat(), len: fc.integer({ min: 0, max: 12 }), text: fc.constantFrom('', '0', '-1', 'null', '[]', '{}', '"', '1e309', 'true', '"x"', ',', '9007199254740993') }); // prettier-ignore
    fc.assert(
      fc.property(edit, ({ json, at, len, text }) => {
        const i = at % json.length;
        decodesOrRefuses(sealed(2, new TextEncoder().encode(json.slice(0, i) + text + json.slice(i + len))));
      }),
      { numRuns: 1500, seed: 11 },
    );
  });
});
