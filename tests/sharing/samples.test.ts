/** Links of every format ever written still open, and open as the same state. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, decodeShareLink, KNOWN_VERSIONS } from '../../src/sharing';

const DIR = join(import.meta.dirname, 'samples');
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.link'))
  .map((f) => f.slice(0, -'.link'.length))
  .sort();

describe('share-link samples', () => {
  it('has samples of every format version', () => {
    const versions = new Set(names.map((n) => Number(/^v(\d+)-/.exec(n)?.[1])));
    expect([...versions].sort()).toEqual([...KNOWN_VERSIONS].sort());
    expect(KNOWN_VERSIONS).toContain(CURRENT_VERSION);
  });

  for (const name of names) {
    it(`${name} opens as its recorded state`, () => {
      const link = readFileSync(join(DIR, `${name}.link`), 'utf8');
      const decoded = decodeShareLink(link);
      expect(`v${decoded.version}`).toBe(name.split('-')[0]);
      expect(decoded.state).toEqual(JSON.parse(readFileSync(join(DIR, `${name}.state.json`), 'utf8')));
    });
  }
});
