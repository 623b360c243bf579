/**
 * Every format a link has ever been written in, each read by its own parser and brought to the
 * current ShareState by the chain of migrations. Links are forever: entries are only ever added.
 * tests/sharing/samples keeps real links of every version and decodes them in every test run.
 *
 * To add format N+1: freeze the current parser as vN.ts (with migrateVN to the new shape), make
 * the new parser current, append to READERS, add samples of the new version.
 */
import type { ShareState } from './schema';
import { migrateV1, parseV1 } from './v1';
import { parseV2 } from './v2';

export const READERS: Readonly<Record<number, (json: unknown) => ShareState>> = {
  1: (json) => migrateV1(parseV1(json)),
  2: parseV2,
};

export const KNOWN_VERSIONS: readonly number[] = Object.keys(READERS).map(Number);
